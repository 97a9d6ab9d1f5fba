using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>Longer information on a task (the spec's <c>StepDescription</c>).</summary>
public sealed record TaskDescription
{
    public bool? Enabled { get; init; }

    public string? Value { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
