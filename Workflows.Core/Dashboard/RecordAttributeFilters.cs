using System.Text.Json.Nodes;
using Workflows.Core.Entities;
using Workflows.Core.Localization;

namespace Workflows.Core.Dashboard;

/// <summary>
/// What a record attribute filter may ask: which operators each attribute type offers, their names and symbols, and the
/// check of a filter against its record type, which refuses an unknown or non-filterable attribute, an operator the
/// type does not offer and a value of the wrong type. Only filterable attributes are offered: the others have no index,
/// and reading every record's JSON to filter would be a full scan (ADR-029).
/// </summary>
public sealed class RecordAttributeFilters(EntityService entities)
{
    /// <summary>The most attribute filters one query may hold.</summary>
    public const int MaxFilters = 10;

    private static readonly AttributeOperator[] Ordered =
    [
        AttributeOperator.Equals, AttributeOperator.NotEquals, AttributeOperator.GreaterThan, AttributeOperator.GreaterThanOrEquals,
        AttributeOperator.LessThan, AttributeOperator.LessThanOrEquals,
    ];

    /// <summary>The name of an operator in the API and the URL, as epilot spells it.</summary>
    public static string NameOf(AttributeOperator op) => op switch
    {
        AttributeOperator.Equals => "equals",
        AttributeOperator.NotEquals => "not_equals",
        AttributeOperator.Contains => "contains",
        AttributeOperator.GreaterThan => "greater_than",
        AttributeOperator.GreaterThanOrEquals => "greater_than_or_equals",
        AttributeOperator.LessThan => "less_than",
        _ => "less_than_or_equals",
    };

    /// <summary>How a chip shows an operator.</summary>
    public static string SymbolOf(AttributeOperator op) => op switch
    {
        AttributeOperator.Equals => "=",
        AttributeOperator.NotEquals => "≠",
        AttributeOperator.Contains => "contains",
        AttributeOperator.GreaterThan => ">",
        AttributeOperator.GreaterThanOrEquals => "≥",
        AttributeOperator.LessThan => "<",
        _ => "≤",
    };

    public static AttributeOperator? Parse(string name) =>
        Enum.GetValues<AttributeOperator>().Cast<AttributeOperator?>().FirstOrDefault(op => NameOf(op!.Value) == name);

    /// <summary>The operators an attribute type offers: comparisons for numbers and dates, equality and "contains" for text, equality otherwise.</summary>
    public static IReadOnlyList<AttributeOperator> OperatorsOf(EntityAttribute attribute) => attribute.Type switch
    {
        AttributeType.Number or AttributeType.Date or AttributeType.DateTime => Ordered,
        AttributeType.Text or AttributeType.Email or AttributeType.Phone => [AttributeOperator.Equals, AttributeOperator.Contains],
        _ => [AttributeOperator.Equals],
    };

    /// <summary>The conditions <paramref name="asked"/> stands for on records of <paramref name="schema"/>, or every mistake in them.</summary>
    public static Outcome<IReadOnlyList<RecordAttributeCondition>> Resolve(EntitySchema? schema, IReadOnlyList<RecordAttributeFilter> asked)
    {
        if (asked.Count == 0)
        {
            return Outcome<IReadOnlyList<RecordAttributeCondition>>.From([]);
        }

        if (schema is null)
        {
            return Refusal.Invalid(RefusalText.Of("FilterNeedsRecordType"));
        }

        if (asked.Count > MaxFilters)
        {
            return Refusal.Invalid(RefusalText.Of("FilterTooMany", MaxFilters));
        }

        var problems = new List<string>();
        var conditions = new List<RecordAttributeCondition>();
        var filterable = schema.Attributes.Where(a => a.Filterable).Select(a => a.Name).ToList();
        foreach (var filter in asked)
        {
            var attribute = schema.Attributes.Find(a => a.Name == filter.Attribute);
            if (attribute is null)
            {
                problems.Add(filterable.Count == 0
                    ? RefusalText.Of("FilterNoSuchAttributeNoneFilterable", schema.Name, filter.Attribute)
                    : RefusalText.Of("FilterNoSuchAttribute", schema.Name, filter.Attribute, string.Join(", ", filterable)));
                continue;
            }

            if (!attribute.Filterable)
            {
                problems.Add(RefusalText.Of("FilterNotFilterable", attribute.Label));
                continue;
            }

            var offered = OperatorsOf(attribute);
            if (Parse(filter.Operator) is not { } op || !offered.Contains(op))
            {
                problems.Add(RefusalText.Of("FilterOperatorUnknown", attribute.Label, attribute.Type, string.Join(", ", offered.Select(NameOf)), filter.Operator));
                continue;
            }

            var key = KeyOf(schema, attribute, op, filter.Value);
            if (!key.Succeeded)
            {
                problems.Add(key.Error!);
                continue;
            }

            conditions.Add(new RecordAttributeCondition(schema.Slug, attribute.Name, op, key.Value.Text, key.Value.Number));
        }

        return problems.Count == 0 ? Outcome<IReadOnlyList<RecordAttributeCondition>>.From(conditions) : Refusal.Invalid(string.Join(" ", problems));
    }

    /// <summary>
    /// The value as the index keeps it: "contains" looks for the text as given; every other operator checks and
    /// normalises it as a record's value of the attribute would be (a number, a date, one of the options, …).
    /// </summary>
    private static Outcome<(string? Text, double? Number)> KeyOf(EntitySchema schema, EntityAttribute attribute, AttributeOperator op, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Refusal.Invalid(RefusalText.Of("FilterNeedsValue", attribute.Label));
        }

        if (op == AttributeOperator.Contains)
        {
            return (FilterableValues.TextKey(attribute, value), null);
        }

        var normalized = AttributeValues.Normalize(schema, new JsonObject { [attribute.Name] = value }, requireAll: false);
        if (!normalized.Succeeded)
        {
            return normalized.Refusal;
        }

        return FilterableValues.KeysOf(attribute, normalized.Value[attribute.Name]).First();
    }

    /// <summary>
    /// <paramref name="query"/> narrowed by <paramref name="asked"/> on records of its <see cref="TaskQuery.EntitySchema"/>,
    /// or why the filters cannot apply (no such record type, or <see cref="Resolve"/>'s refusals).
    /// </summary>
    public async Task<Outcome<TaskQuery>> ApplyAsync(TaskQuery query, IReadOnlyList<RecordAttributeFilter> asked, CancellationToken cancellationToken)
    {
        if (asked.Count == 0)
        {
            return query;
        }

        var schema = query.EntitySchema is { } slug ? await entities.GetSchemaAsync(slug, cancellationToken) : null;
        if (query.EntitySchema is not null && schema is null)
        {
            return Refusal.Invalid(RefusalText.Of("FilterNoRecordType", query.EntitySchema));
        }

        var resolved = Resolve(schema, asked);
        return resolved.Succeeded ? query with { RecordAttributes = resolved.Value } : resolved.Refusal;
    }
}
