using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>Comparison of a decision statement (the spec's <c>Operator</c>).</summary>
public enum Operator
{
    [JsonStringEnumMemberName("equals")]
    Equal,
    [JsonStringEnumMemberName("not_equals")]
    NotEquals,
    [JsonStringEnumMemberName("any_of")]
    AnyOf,
    [JsonStringEnumMemberName("none_of")]
    NoneOf,
    [JsonStringEnumMemberName("contains")]
    Contains,
    [JsonStringEnumMemberName("not_contains")]
    NotContains,
    [JsonStringEnumMemberName("starts_with")]
    StartsWith,
    [JsonStringEnumMemberName("ends_with")]
    EndsWith,
    [JsonStringEnumMemberName("greater_than")]
    GreaterThan,
    [JsonStringEnumMemberName("less_than")]
    LessThan,
    [JsonStringEnumMemberName("greater_than_or_equals")]
    GreaterThanOrEquals,
    [JsonStringEnumMemberName("less_than_or_equals")]
    LessThanOrEquals,
    [JsonStringEnumMemberName("is_empty")]
    IsEmpty,
    [JsonStringEnumMemberName("is_not_empty")]
    IsNotEmpty,
}
