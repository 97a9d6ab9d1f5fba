namespace Workflows.Core.Dashboard;

/// <summary>
/// A filter on the primary record's attribute as a person or an API client asks it: "amount", "greater_than", "10000".
/// <see cref="RecordAttributeFilters.Resolve"/> checks it against the record type and makes it a condition.
/// </summary>
public sealed record RecordAttributeFilter(string Attribute, string Operator, string Value);

/// <summary>A checked record attribute filter, with its value as the index keeps it (<c>FilterableValues.KeysOf</c>).</summary>
public sealed record RecordAttributeCondition(string Schema, string Attribute, AttributeOperator Operator, string? Text, double? Number);

/// <summary>The comparisons of a record attribute filter; their names are those of epilot's condition operators.</summary>
public enum AttributeOperator
{
    Equals,
    NotEquals,
    Contains,
    GreaterThan,
    GreaterThanOrEquals,
    LessThan,
    LessThanOrEquals,
}
