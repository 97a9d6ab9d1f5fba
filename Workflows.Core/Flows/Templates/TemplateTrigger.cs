using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// What may start a template: <c>manual</c> for records of <see cref="EntitySchema"/>, <c>automation</c>
/// (<see cref="AutomationId"/>), or a journey. One shape for all four spec variants.
/// </summary>
public sealed record TemplateTrigger
{
    public string? Id { get; init; }

    public TemplateTriggerType Type { get; init; }

    public string? EntitySchema { get; init; }

    public string? AutomationId { get; init; }

    public string? JourneyId { get; init; }

    public string? JourneyName { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
