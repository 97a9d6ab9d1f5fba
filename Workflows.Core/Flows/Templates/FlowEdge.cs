using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// A connection <see cref="FromId"/> → <see cref="ToId"/>. From a decision it carries the branch it
/// belongs to (<see cref="ConditionId"/>) or marks the default branch (<see cref="NoneMet"/>).
/// </summary>
public sealed record FlowEdge
{
    public required string Id { get; init; }

    public required string FromId { get; init; }

    public string? ToId { get; init; }

    public string? ConditionId { get; init; }

    public bool? NoneMet { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
