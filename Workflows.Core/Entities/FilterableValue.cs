namespace Workflows.Core.Entities;

/// <summary>
/// A value a record holds in a filterable attribute, as the task filter compares it: a number in
/// <see cref="Number"/>, anything else as text in <see cref="Text"/>. A multiselect holds one row per option. The
/// indexes (schema, attribute, value, record) let "amount &gt; 10000" start from the value and join the tasks by record.
/// </summary>
public sealed class FilterableValue
{
    public long Id { get; init; }

    public required string Schema { get; init; }

    public required string Attribute { get; init; }

    public required string RecordId { get; init; }

    /// <summary>See <see cref="FilterableValues.KeysOf"/>.</summary>
    public string? Text { get; init; }

    public double? Number { get; init; }
}
