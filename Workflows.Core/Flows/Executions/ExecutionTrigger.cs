using System.Text.Json.Serialization;
using System.Text.Json;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Executions;

/// <summary>How an execution was started.</summary>
public sealed record ExecutionTrigger
{
    public ExecutionTriggerType Type { get; init; }

    public AutomationConfig? AutomationConfig { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
