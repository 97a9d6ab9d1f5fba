using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>The builder's "entity attributes to update": on an event, write a value into a record attribute.</summary>
public sealed record EntitySync
{
    public required EntitySyncTrigger Trigger { get; init; }

    public required EntitySyncValue Value { get; init; }

    public required EntityAttributeTarget Target { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
