using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.Core.Entities;

/// <summary>What unique attributes mean: which types may be unique, and when two values are the same.</summary>
public static class UniqueValues
{
    public static IReadOnlyList<string> Types { get; } = [AttributeType.Text, AttributeType.Email, AttributeType.Phone, AttributeType.Number];

    /// <summary>The longest value a unique attribute may hold.</summary>
    public const int MaxLength = 256;

    /// <summary>A value as compared: text trimmed and in lower case, a number in invariant digits; null when there is none.</summary>
    public static string? KeyOf(JsonNode? value) => value switch
    {
        JsonValue text when text.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Trim() is { Length: > 0 } trimmed =>
            trimmed.ToLowerInvariant(),
        JsonValue number when number.GetValueKind() == JsonValueKind.Number
            && decimal.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) =>
            exact.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The unique values a record holds under its schema.</summary>
    public static IReadOnlyList<UniqueValue> Of(EntitySchema schema, string recordId, JsonObject attributes) =>
        [.. schema.Attributes.Where(a => a.Unique)
            .Select(a => (a.Name, Key: KeyOf(attributes[a.Name])))
            .Where(pair => pair.Key is not null)
            .Select(pair => new UniqueValue { Schema = schema.Slug, Attribute = pair.Name, Value = pair.Key!, RecordId = recordId })];
}
