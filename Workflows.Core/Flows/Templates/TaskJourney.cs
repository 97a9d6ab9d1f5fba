using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>A journey opened from a task (the spec's <c>StepJourney</c>).</summary>
public sealed record TaskJourney
{
    public string? Id { get; init; }

    [JsonPropertyName("journeyId")]
    public string? JourneyId { get; init; }

    public string? Name { get; init; }

    /// <summary>Spec default: true, the journey's submission completes the task.</summary>
    public bool? CompleteTaskAutomatically { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
