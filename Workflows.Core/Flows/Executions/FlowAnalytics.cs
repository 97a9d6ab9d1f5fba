using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Executions;

/// <summary>When and by whom an execution was started, completed and closed.</summary>
public sealed class FlowAnalytics
{
    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? StartedBy { get; set; }

    public string? CompletedBy { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
