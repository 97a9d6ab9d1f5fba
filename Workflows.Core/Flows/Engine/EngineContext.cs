using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Everything from outside the engine one command needs: the time (from the caller's
/// <see cref="TimeProvider"/>), who acts, the primary record's attributes (for decisions and
/// <c>{{entity.*}}</c> assignees) and the zone in which calendar due dates are counted.
/// </summary>
public sealed record EngineContext(DateTimeOffset Now, FlowActor Actor)
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoFacts = FrozenDictionary<string, JsonNode?>.Empty;

    public IReadOnlyDictionary<string, JsonNode?> Facts { get; init; } = NoFacts;

    /// <summary>Zone that decides which calendar day an instant falls on; UTC unless the tenant says otherwise.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Reads the attributes of a record given as a JSON object (copied shallowly, nodes are shared).</summary>
    public static IReadOnlyDictionary<string, JsonNode?> FactsFrom(JsonObject record) =>
        record.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
