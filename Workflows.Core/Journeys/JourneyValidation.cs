using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Core.Entities;
using Workflows.Core.Localization;

namespace Workflows.Core.Journeys;

/// <summary>
/// Checks the answers of a journey step, field by field, with the messages the person filling it in reads under each
/// field. The same rules run in the browser per step and on the server for the whole journey at submit.
/// </summary>
public static class JourneyValidation
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Problems of one step, keyed by attribute name; empty when the step may be left.</summary>
    public static IReadOnlyDictionary<string, string> Check(JourneyStep step, EntitySchema schema, JsonObject values)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in step.Fields)
        {
            var attribute = schema.Attributes.Find(a => a.Name == field.Attribute);
            if (Check(field, attribute, values[field.Attribute]) is { } problem)
            {
                problems[field.Attribute] = problem;
            }
        }

        return problems;
    }

    /// <summary>Problems of every step, keyed by attribute name.</summary>
    public static IReadOnlyDictionary<string, string> CheckAll(Journey journey, EntitySchema schema, JsonObject values) =>
        journey.Steps.SelectMany(step => Check(step, schema, values)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The problem with one answer, or null when it is acceptable.</summary>
    public static string? Check(JourneyField field, EntityAttribute? attribute, JsonNode? value)
    {
        var label = field.Label;
        if (attribute is null)
        {
            return RefusalText.Of("FieldNoAttribute", label, field.Attribute);
        }

        if (field.Kind == JourneyFieldKind.Checkbox)
        {
            var isChecked = value is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
            return field.Required && !isChecked ? RefusalText.Of("FieldMustBeChecked", label) : null;
        }

        if (IsEmpty(value))
        {
            return field.Required ? RefusalText.Of("AttributeRequired", label) : null;
        }

        return field.Kind switch
        {
            JourneyFieldKind.Number => CheckNumber(field, value!),
            JourneyFieldKind.Date => AsText(value) is { } date
                && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : RefusalText.Of("ValueMustBeDate", label),
            JourneyFieldKind.Select => AsText(value) is { } option && attribute.Offers(option)
                ? null : RefusalText.Of("FieldChooseOption", label),
            JourneyFieldKind.MultiSelect => CheckChoices(field, attribute, value!),
            _ => CheckText(field, value!),
        };
    }

    private static string? CheckNumber(JourneyField field, JsonNode value)
    {
        // A number may be held as any CLR numeric type (an int typed in a test, a decimal from the form): read its JSON text.
        var text = value is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? n.ToJsonString() : AsText(value);
        if (text is null || !decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number))
        {
            return RefusalText.Of("ValueMustBeNumber", field.Label);
        }

        if (field.Min is { } min && number < min)
        {
            return RefusalText.Of("FieldAtLeast", field.Label, Format(min));
        }

        return field.Max is { } max && number > max ? RefusalText.Of("FieldAtMost", field.Label, Format(max)) : null;
    }

    private static string? CheckChoices(JourneyField field, EntityAttribute attribute, JsonNode value)
    {
        var choices = value is JsonArray array ? array.Select(item => item?.ToString()).ToList() : [AsText(value)];
        if (choices.Exists(choice => !attribute.Offers(choice)))
        {
            return RefusalText.Of("FieldOnlyOptions", field.Label);
        }

        if (field.Min is { } min && choices.Count < min)
        {
            return RefusalText.Of("FieldChooseAtLeast", Format(min), field.Label);
        }

        return field.Max is { } max && choices.Count > max ? RefusalText.Of("FieldChooseAtMost", Format(max), field.Label) : null;
    }

    private static string? CheckText(JourneyField field, JsonNode value)
    {
        if (AsText(value) is not { } text)
        {
            return RefusalText.Of("ValueMustBeText", field.Label);
        }

        var trimmed = text.Trim();
        if (field.Kind == JourneyFieldKind.Email && !AttributeValues.IsEmail(trimmed))
        {
            return RefusalText.Of("FieldMustBeEmail", field.Label);
        }

        if (field.Kind == JourneyFieldKind.Phone && !AttributeValues.IsPhone(trimmed))
        {
            return RefusalText.Of("FieldMustBePhone", field.Label);
        }

        if (field.Min is { } min && trimmed.Length < min)
        {
            return RefusalText.Of("FieldMinLength", field.Label, Format(min));
        }

        if (field.Max is { } max && trimmed.Length > max)
        {
            return RefusalText.Of("FieldMaxLength", field.Label, Format(max));
        }

        if (!string.IsNullOrEmpty(field.Pattern) && !Matches(field.Pattern, trimmed))
        {
            return string.IsNullOrWhiteSpace(field.PatternMessage) ? RefusalText.Of("FieldPatternMismatch", field.Label) : field.PatternMessage;
        }

        return null;
    }

    /// <summary>A pattern must match the whole answer; an invalid or runaway pattern matches nothing rather than everything.</summary>
    public static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.None, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static bool IsEmpty(JsonNode? value) =>
        value is null
        || (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()))
        || (value is JsonArray array && array.Count == 0);

    private static string? AsText(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
