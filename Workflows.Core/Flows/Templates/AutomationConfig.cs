using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// The automation an AUTOMATION task runs. In a template only <see cref="FlowId"/> matters; in an
/// execution the last run's id, status and error are recorded here (the spec's <c>AutomationInfo</c>).
/// </summary>
public sealed record AutomationConfig
{
    public string? FlowId { get; init; }

    public string? ExecutionId { get; init; }

    public string? ExecutionStatus { get; init; }

    public string? ErrorReason { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
