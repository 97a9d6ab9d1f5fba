using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.Core.Entities;

/// <summary>
/// What filterable attributes mean: which types may be filterable, and how a value is kept in the index and compared
/// (<see cref="KeysOf"/>, the one rule both the index and a filter's value go through).
/// </summary>
public static class FilterableValues
{
    public static IReadOnlyList<string> Types { get; } =
    [
        AttributeType.Number, AttributeType.Date, AttributeType.DateTime, AttributeType.Text, AttributeType.Email, AttributeType.Phone,
        AttributeType.Select, AttributeType.MultiSelect, AttributeType.Boolean,
    ];

    /// <summary>How much of a text the index keeps: equality and "contains" see the first this many characters.</summary>
    public const int MaxLength = 256;

    public static bool MayBeFilterable(EntityAttribute attribute) => Types.Contains(attribute.Type) && !attribute.Multiline;

    /// <summary>
    /// A value as the index keeps it: a number as a number; text, e-mail, phone and options trimmed and in lower case (so
    /// "Köln" matches "köln"); a date or an instant in its ISO spelling (which sorts as it compares); true or false.
    /// Every element of a multiselect; none for an empty value.
    /// </summary>
    public static IEnumerable<(string? Text, double? Number)> KeysOf(EntityAttribute attribute, JsonNode? value)
    {
        switch (value)
        {
            case JsonArray items:
                foreach (var item in items.Select(item => KeyOf(attribute, item)).Where(key => key is not null).Distinct())
                {
                    yield return item!.Value;
                }

                break;
            case not null when KeyOf(attribute, value) is { } key:
                yield return key;
                break;
        }
    }

    private static (string? Text, double? Number)? KeyOf(EntityAttribute attribute, JsonNode? value) => value switch
    {
        JsonValue number when attribute.Type == AttributeType.Number && number.GetValueKind() == JsonValueKind.Number =>
            (null, double.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)),
        JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False =>
            (flag.GetValueKind() == JsonValueKind.True ? "true" : "false", null),
        JsonValue text when text.GetValueKind() == JsonValueKind.String && TextKey(attribute, text.GetValue<string>()) is { } key => (key, null),
        _ => null,
    };

    /// <summary>Text as the index keeps it, or null for blank text.</summary>
    public static string? TextKey(EntityAttribute attribute, string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        var key = attribute.Type is AttributeType.Date or AttributeType.DateTime ? trimmed : trimmed.ToLowerInvariant();
        return key.Length > MaxLength ? key[..MaxLength] : key;
    }

    /// <summary>The index rows of a record's values in the given filterable attributes of its schema.</summary>
    public static IReadOnlyList<FilterableValue> Of(EntitySchema schema, IEnumerable<EntityAttribute> attributes, string recordId, JsonObject values) =>
        [.. attributes.Where(a => a.Filterable)
            .SelectMany(a => KeysOf(a, values[a.Name]).Select(key => new FilterableValue
            {
                Schema = schema.Slug, Attribute = a.Name, RecordId = recordId, Text = key.Text, Number = key.Number,
            }))];
}
