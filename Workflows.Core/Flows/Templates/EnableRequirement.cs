using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>What must hold before a task is enabled: a task finished (COMPLETED or SKIPPED) or a phase COMPLETED.</summary>
public sealed record EnableRequirement
{
    public string? TaskId { get; init; }

    public string? PhaseId { get; init; }

    public RequirementWhen When { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
