using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.Core.Entities;

/// <summary>
/// What a relation attribute holds: the ids of other records. We keep one id as text and several as a list; epilot's
/// clients write <c>{"$relation":[{"entity_id":"…"}]}</c>, which means the same.
/// </summary>
public static class RecordRelations
{
    public const string RelationKey = "$relation";

    public const string EntityIdKey = "entity_id";

    /// <summary>The most records one relation attribute may point at.</summary>
    public const int MaxIds = 50;

    /// <summary>The ids a relation value points at, in order, each once; empty when it names none or is not a relation value.</summary>
    public static IReadOnlyList<string> Ids(JsonNode? value)
    {
        var items = value switch
        {
            JsonObject relation when relation[RelationKey] is JsonArray links => links.Select(link => link is JsonObject item ? Text(item[EntityIdKey]) : null),
            JsonArray list => list.Select(Text),
            _ => [Text(value)],
        };
        return [.. items.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>How a relation to these ids is stored: one id as text, several as a list.</summary>
    public static JsonNode Stored(IReadOnlyList<string> ids) =>
        ids.Count == 1 ? JsonValue.Create(ids[0]) : new JsonArray([.. ids.Select(id => (JsonNode?)JsonValue.Create(id))]);

    /// <summary>The relation attributes of a schema.</summary>
    public static IReadOnlyList<string> AttributesOf(EntitySchema schema) =>
        [.. schema.Attributes.Where(a => a.Type == AttributeType.Relation).Select(a => a.Name)];

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>().Trim() : null;
}
