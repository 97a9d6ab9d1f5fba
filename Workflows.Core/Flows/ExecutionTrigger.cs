using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows;

/// <summary>How an execution was started.</summary>
public sealed record ExecutionTrigger
{
    public ExecutionTriggerType Type { get; init; }

    public AutomationConfig? AutomationConfig { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
