using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.ClosingReasons;

/// <summary>A closing reason as a template or an execution lists it: the catalogue id and its title.</summary>
public sealed record ClosingReasonRef
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
