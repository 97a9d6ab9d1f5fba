using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// A dynamic due date: <see cref="Duration"/> <see cref="Unit"/> after the anchor named by <see cref="Type"/>. The three
/// are required in JSON: a rule without them would silently mean "0 minutes after the start", due at once.
/// </summary>
public sealed record DueDateConfig
{
    [JsonRequired]
    public double Duration { get; init; }

    [JsonRequired]
    public TimeUnit Unit { get; init; }

    [JsonRequired]
    public DueDateType Type { get; init; }

    public string? TaskId { get; init; }

    public string? PhaseId { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
