using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>What an entity sync rule writes: a workflow, task or phase value, or <see cref="Value"/> for <c>custom_value</c>.</summary>
public sealed record EntitySyncValue
{
    public EntitySyncValueSource Source { get; init; }

    public string? Value { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
