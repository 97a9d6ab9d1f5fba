using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows;

/// <summary>A dynamic due date: <see cref="Duration"/> <see cref="Unit"/> after the anchor named by <see cref="Type"/>.</summary>
public sealed record DueDateConfig
{
    public double Duration { get; init; }

    public TimeUnit Unit { get; init; }

    public DueDateType Type { get; init; }

    public string? TaskId { get; init; }

    public string? PhaseId { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
