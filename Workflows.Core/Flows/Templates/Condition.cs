using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>One branch of a decision. In an execution the evaluation is recorded in <see cref="IsMet"/> and <see cref="EvaluatedAt"/>.</summary>
public sealed record Condition
{
    public required string Id { get; init; }

    public string? BranchName { get; init; }

    public LogicalOperator LogicalOperator { get; init; }

    public IReadOnlyList<Statement>? Statements { get; init; }

    public DateTimeOffset? EvaluatedAt { get; init; }

    public bool? IsMet { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
