using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// Loop settings. On a decision: which branch loops back, which exits, and how often the loop may
/// run; in an execution also <see cref="CrtIterations"/>. On the tasks of a loop body only the two
/// counters are set (the spec's <c>LoopInfo</c>).
/// </summary>
public sealed record LoopConfig
{
    public string? LoopBranchId { get; init; }

    public string? ExitBranchId { get; init; }

    public int MaxIterations { get; init; } = 3;

    public int? CrtIterations { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
