using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>One comparison of an attribute of the primary entity with the given values.</summary>
public sealed record Statement
{
    public required string Id { get; init; }

    public EvaluationSource? Source { get; init; }

    public Operator Operator { get; init; }

    public IReadOnlyList<string>? Values { get; init; }

    public StatementValueType? ValueType { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
