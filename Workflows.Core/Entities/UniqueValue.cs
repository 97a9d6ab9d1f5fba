namespace Workflows.Core.Entities;

/// <summary>
/// A value a record holds in a unique attribute. The table's key (schema, attribute, value) is what keeps two records,
/// written at the same moment by two instances, from holding the same value.
/// </summary>
public sealed class UniqueValue
{
    public required string Schema { get; init; }

    public required string Attribute { get; init; }

    /// <summary>The value as compared: see <see cref="UniqueValues.KeyOf"/>.</summary>
    public required string Value { get; init; }

    public required string RecordId { get; init; }
}
