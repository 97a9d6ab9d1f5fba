namespace Workflows.Core.Entities;

/// <summary>
/// The records that a set of records' relation attributes point at, loaded at once (epilot's <c>hydrate</c>):
/// the relation attributes of each schema involved, and the related records that exist, by id.
/// </summary>
public sealed record RelatedRecords(
    IReadOnlyDictionary<string, IReadOnlyList<string>> RelationAttributes, IReadOnlyDictionary<string, EntityRecord> Records)
{
    public static RelatedRecords None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, EntityRecord>());

    /// <summary>The relation attributes of a record, each with the records it points at that exist, in the order it names them.</summary>
    public IEnumerable<(string Attribute, IReadOnlyList<EntityRecord> Related)> Of(EntityRecord record) =>
        RelationAttributes.TryGetValue(record.Schema, out var attributes)
            ? attributes.Where(record.Attributes.ContainsKey).Select(attribute => (attribute, (IReadOnlyList<EntityRecord>)
                [.. RecordRelations.Ids(record.Attributes[attribute]).Select(id => Records.GetValueOrDefault(id)).OfType<EntityRecord>()]))
            : [];
}
