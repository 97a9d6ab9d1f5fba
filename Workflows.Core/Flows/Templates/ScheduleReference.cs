using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>What a relative schedule counts from.</summary>
public sealed record ScheduleReference
{
    public string? Id { get; init; }

    public string? Origin { get; init; }

    public string? Schema { get; init; }

    public string? Attribute { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
