using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>When an entity sync rule fires.</summary>
public sealed record EntitySyncTrigger
{
    public EntitySyncEvent Event { get; init; }

    public EntitySyncFilter? Filter { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
