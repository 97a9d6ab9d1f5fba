using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>When an automation (or decision) runs once reached: immediately, after a delay, or relative to a reference.</summary>
public sealed record ActionSchedule
{
    public ScheduleMode? Mode { get; init; }

    public double? Duration { get; init; }

    public TimeUnit? Unit { get; init; }

    /// <summary><c>before</c> or <c>after</c>, for relative schedules.</summary>
    public string? Direction { get; init; }

    public ScheduleReference? Reference { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
