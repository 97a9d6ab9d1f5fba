using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Core.Localization;

namespace Workflows.Core.Entities;

/// <summary>
/// Checks and normalises attribute values against a schema: numbers as numbers, dates as <c>yyyy-MM-dd</c>,
/// selects within their options. Unknown attributes are refused so a typo never silently drops data.
/// </summary>
internal static partial class AttributeValues
{
    /// <summary>Returns the normalised values, or every problem found, each naming its attribute.</summary>
    public static Outcome<JsonObject> Normalize(EntitySchema schema, JsonObject input, bool requireAll)
    {
        var problems = new List<string>();
        var output = new JsonObject();
        var attributes = schema.Attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);

        foreach (var (name, value) in input)
        {
            if (name.StartsWith('_'))
            {
                continue; // system fields (_id, _title, …) are the server's, never written by a client
            }

            if (!attributes.TryGetValue(name, out var attribute))
            {
                problems.Add(RefusalText.Of("NotAnAttribute", name, schema.Name));
                continue;
            }

            if (IsEmpty(value))
            {
                output[name] = null;
                continue;
            }

            var normalized = NormalizeValue(attribute, value!, out var problem);
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                output[name] = normalized;
            }
        }

        var required = schema.Attributes.Where(a => a.Required);
        foreach (var attribute in required)
        {
            var missing = requireAll ? !output.ContainsKey(attribute.Name) || output[attribute.Name] is null
                : output.ContainsKey(attribute.Name) && output[attribute.Name] is null;
            if (missing)
            {
                problems.Add(RefusalText.Of("AttributeRequired", attribute.Label));
            }
        }

        return problems.Count == 0 ? output : Refusal.Invalid(string.Join(" ", problems));
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null
        || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()))
        || (value is JsonArray array && array.Count == 0);

    private static JsonNode? NormalizeValue(EntityAttribute attribute, JsonNode value, out string? problem)
    {
        problem = null;
        var label = attribute.Label;
        switch (attribute.Type)
        {
            case AttributeType.Number:
                // A number built in memory holds its CLR type (int, double, …), not a decimal; its JSON text is the same for all.
                if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
                    && decimal.TryParse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
                {
                    return JsonValue.Create(exact);
                }

                if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String
                    && decimal.TryParse(text.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
                {
                    return JsonValue.Create(parsed);
                }

                problem = RefusalText.Of("ValueMustBeNumber", label);
                return null;

            case AttributeType.Boolean:
                if (value is JsonValue flag && flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
                {
                    return JsonValue.Create(flag.GetValue<bool>());
                }

                if (value is JsonValue flagText && flagText.GetValueKind() == JsonValueKind.String
                    && bool.TryParse(flagText.GetValue<string>(), out var parsedFlag))
                {
                    return JsonValue.Create(parsedFlag);
                }

                problem = RefusalText.Of("ValueMustBeBoolean", label);
                return null;

            case AttributeType.Date:
                if (AsString(value) is { } dateText
                    && (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        || (DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dateTime)
                            && (date = DateOnly.FromDateTime(dateTime.UtcDateTime)) != default)))
                {
                    return JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                problem = RefusalText.Of("ValueMustBeDate", label);
                return null;

            case AttributeType.DateTime:
                if (AsString(value) is { } instantText
                    && DateTimeOffset.TryParse(instantText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    return JsonValue.Create(instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                problem = RefusalText.Of("ValueMustBeDateTime", label);
                return null;

            case AttributeType.Select:
                if (AsString(value) is { } option && attribute.Offers(option))
                {
                    return JsonValue.Create(option);
                }

                problem = RefusalText.Of("ValueMustBeOneOf", label, string.Join(", ", attribute.Options ?? []));
                return null;

            case AttributeType.MultiSelect:
                var items = value is JsonArray array ? array.Select(AsString).ToList() : [AsString(value)];
                var invalid = items.Where(item => !attribute.Offers(item)).ToList();
                if (invalid.Count == 0)
                {
                    return new JsonArray([.. items.Distinct().Select(item => (JsonNode?)JsonValue.Create(item))]);
                }

                problem = RefusalText.Of("ValueAcceptsOnly", label, string.Join(", ", attribute.Options ?? []));
                return null;

            case AttributeType.Email:
                if (AsString(value) is { } email && EmailPattern().IsMatch(email.Trim()))
                {
                    return JsonValue.Create(email.Trim());
                }

                problem = RefusalText.Of("ValueMustBeEmail", label);
                return null;

            case AttributeType.Phone:
                if (AsString(value) is { } phone && PhonePattern().IsMatch(phone.Trim()))
                {
                    return JsonValue.Create(phone.Trim());
                }

                problem = RefusalText.Of("ValueMustBePhone", label);
                return null;

            case AttributeType.Relation:
                var ids = RecordRelations.Ids(value);
                if (ids.Count is > 0 and <= RecordRelations.MaxIds)
                {
                    return RecordRelations.Stored(ids);
                }

                if (ids.Count == 0 && value is JsonObject { Count: 1 } relation && relation[RecordRelations.RelationKey] is JsonArray { Count: 0 })
                {
                    return null; // {"$relation":[]} clears the relation, as an empty value does
                }

                problem = RefusalText.Of("ValueMustBeRelation", label, RecordRelations.MaxIds);
                return null;

            default:
                if (AsString(value) is { } plain)
                {
                    return JsonValue.Create(attribute.Type == AttributeType.Text ? plain : plain.Trim());
                }

                problem = RefusalText.Of("ValueMustBeText", label);
                return null;
        }
    }

    public static bool IsEmail(string text) => EmailPattern().IsMatch(text.Trim());

    public static bool IsPhone(string text) => PhonePattern().IsMatch(text.Trim());

    private static string? AsString(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()/\-]{4,30}$")]
    private static partial Regex PhonePattern();
}
