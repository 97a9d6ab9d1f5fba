using System.Text.Json.Serialization;
using System.Text.Json;
using Workflows.Core.ClosingReasons;

namespace Workflows.Core.Flows.Executions;

/// <summary>The reasons an execution may be closed with, the ones chosen, and the closing text.</summary>
public sealed class FlowClosingReason
{
    public List<ClosingReasonRef>? SelectedReasons { get; set; }

    public List<ClosingReasonRef>? ConfiguredReasons { get; set; }

    public string? ExtraDescription { get; set; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
