using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>The record attribute an entity update writes.</summary>
public sealed record EntityAttributeTarget
{
    [JsonPropertyName("entitySchema")]
    public required string EntitySchema { get; init; }

    [JsonPropertyName("entityAttribute")]
    public required string EntityAttribute { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
