using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>Limits an entity sync rule to one task or one phase (by template id).</summary>
public sealed record EntitySyncFilter
{
    public string? TaskTemplateId { get; init; }

    public string? PhaseTemplateId { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
