using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Executions;

/// <summary>A record an execution runs on; the primary one feeds decisions and variables.</summary>
public sealed record EntityRef
{
    public required string EntityId { get; init; }

    public string? EntitySchema { get; init; }

    public bool? IsPrimary { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
