using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>Where a statement reads its value: an attribute of the primary entity.</summary>
public sealed record EvaluationSource
{
    public string? Id { get; init; }

    public string? Origin { get; init; }

    public string? OriginType { get; init; }

    public string? Schema { get; init; }

    public string? Attribute { get; init; }

    /// <summary>The spec's attribute type (string, number, boolean, date, datetime, multiselect, ...); null means infer from the value.</summary>
    public string? AttributeType { get; init; }

    public bool? AttributeRepeatable { get; init; }

    public string? AttributeOperation { get; init; }

    public string? AttributeSubField { get; init; }

    public DateOffset? DateOffset { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
