using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Evaluates decision conditions against the primary record's attributes.
/// The attribute's type comes from <see cref="EvaluationSource.AttributeType"/>, else from the JSON
/// value. A statement on a missing or mistyped attribute, or with values that do not parse as that
/// type, is not met; the only exception is <c>is_empty</c>, for which missing means empty. Text
/// compares ignoring case. Lists (multiselect, tags, relations, any JSON array) compare as sets:
/// <c>equals</c> is the same set, <c>any_of</c> shares one value, <c>contains</c> holds them all.
/// </summary>
internal static class ConditionEvaluator
{
    private static readonly string[] ListTypes = ["multiselect", "tags", "relation", "relation_user", "purpose", "label"];

    public static bool IsMet(Condition condition, IReadOnlyDictionary<string, JsonNode?> facts, DateTimeOffset now, TimeZoneInfo zone)
    {
        var statements = condition.Statements;
        if (statements is null || statements.Count == 0)
        {
            return false;
        }

        return condition.LogicalOperator == LogicalOperator.OR
            ? statements.Any(s => IsMet(s, facts, now, zone))
            : statements.All(s => IsMet(s, facts, now, zone));
    }

    public static bool IsMet(Statement statement, IReadOnlyDictionary<string, JsonNode?> facts, DateTimeOffset now, TimeZoneInfo zone)
    {
        var source = statement.Source;
        if (string.IsNullOrEmpty(source?.Attribute))
        {
            return false;
        }

        var found = facts.TryGetValue(source.Attribute, out var node);
        if (found && source.AttributeSubField is { Length: > 0 } sub)
        {
            node = SubField(node, sub);
        }

        var values = statement.Values ?? [];
        switch (statement.Operator)
        {
            case Operator.IsEmpty:
                return IsEmpty(node);
            case Operator.IsNotEmpty:
                return !IsEmpty(node);
        }

        if (node is null)
        {
            return false;
        }

        var type = source.AttributeType?.ToLowerInvariant();
        if (node is JsonArray || source.AttributeRepeatable == true || (type is not null && ListTypes.Contains(type)))
        {
            return CompareList(Texts(node), statement.Operator, values);
        }

        if (node is not JsonValue value)
        {
            return false;
        }

        return type switch
        {
            "number" => Number(value) is { } n && CompareNumber(n, statement.Operator, values),
            "boolean" => Boolean(value) is { } b && CompareBoolean(b, statement.Operator, values),
            "date" or "datetime" => ReadDate(value, source.DateOffset, zone) is { } d
                && CompareDate(d, type == "date", statement, now, zone),
            null => value.GetValueKind() switch
            {
                JsonValueKind.Number => Number(value) is { } n && CompareNumber(n, statement.Operator, values),
                JsonValueKind.True or JsonValueKind.False => CompareBoolean(value.GetValueKind() == JsonValueKind.True, statement.Operator, values),
                JsonValueKind.String => CompareText(value.GetValue<string>(), statement, now, zone),
                _ => false,
            },
            _ => value.GetValueKind() == JsonValueKind.String && CompareText(value.GetValue<string>(), statement, now, zone),
        };
    }

    private static JsonNode? SubField(JsonNode? node, string sub) => node switch
    {
        JsonObject o => o[sub],
        JsonArray a => new JsonArray([.. a.Select(item => (item as JsonObject)?[sub]?.DeepClone())]),
        _ => null,
    };

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v => v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()),
        _ => false,
    };

    private static List<string> Texts(JsonNode node)
    {
        var items = node is JsonArray array ? array.ToList() : [node];
        var texts = new List<string>(items.Count);
        foreach (var item in items)
        {
            var scalar = item is JsonObject o ? o["value"] ?? o["id"] ?? o["entity_id"] ?? o["title"] : item;
            if (scalar is JsonValue v)
            {
                texts.Add(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString());
            }
        }

        return texts;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool CompareList(List<string> items, Operator op, IReadOnlyList<string> values)
    {
        bool Has(string v) => items.Exists(i => Same(i, v));
        return op switch
        {
            Operator.Equal => values.All(Has) && items.TrueForAll(i => values.Any(v => Same(i, v))),
            Operator.NotEquals => !(values.All(Has) && items.TrueForAll(i => values.Any(v => Same(i, v)))),
            Operator.AnyOf => values.Any(Has),
            Operator.NoneOf => !values.Any(Has),
            Operator.Contains => values.Count > 0 && values.All(Has),
            Operator.NotContains => !values.Any(Has),
            Operator.StartsWith => items.Exists(i => values.Any(v => i.StartsWith(v, StringComparison.OrdinalIgnoreCase))),
            Operator.EndsWith => items.Exists(i => values.Any(v => i.EndsWith(v, StringComparison.OrdinalIgnoreCase))),
            _ => false,
        };
    }

    private static double? Number(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => ParseNumber(value.ToJsonString()),
        JsonValueKind.String => ParseNumber(value.GetValue<string>()),
        _ => null,
    };

    private static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static bool CompareNumber(double n, Operator op, IReadOnlyList<string> values)
    {
        var parsed = values.Select(ParseNumber).ToList();
        if (parsed.Count == 0 || parsed.Exists(p => p is null))
        {
            return false;
        }

        var first = parsed[0]!.Value;
        return op switch
        {
            Operator.Equal or Operator.AnyOf => parsed.Exists(p => p == n),
            Operator.NotEquals or Operator.NoneOf => !parsed.Exists(p => p == n),
            Operator.GreaterThan => n > first,
            Operator.LessThan => n < first,
            Operator.GreaterThanOrEquals => n >= first,
            Operator.LessThanOrEquals => n <= first,
            _ => false,
        };
    }

    private static bool? Boolean(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => bool.TryParse(value.GetValue<string>(), out var b) ? b : null,
        _ => null,
    };

    private static bool CompareBoolean(bool b, Operator op, IReadOnlyList<string> values)
    {
        var parsed = values.Select(v => bool.TryParse(v, out var p) ? p : (bool?)null).ToList();
        if (parsed.Count == 0 || parsed.Exists(p => p is null))
        {
            return false;
        }

        return op switch
        {
            Operator.Equal or Operator.AnyOf => parsed.Contains(b),
            Operator.NotEquals or Operator.NoneOf => !parsed.Contains(b),
            _ => false,
        };
    }

    private static bool CompareText(string text, Statement statement, DateTimeOffset now, TimeZoneInfo zone)
    {
        var values = statement.Values ?? [];
        switch (statement.Operator)
        {
            case Operator.Equal:
            case Operator.AnyOf:
                return values.Any(v => Same(text, v));
            case Operator.NotEquals:
            case Operator.NoneOf:
                return !values.Any(v => Same(text, v));
            case Operator.Contains:
                return values.Count > 0 && values.Any(v => text.Contains(v, StringComparison.OrdinalIgnoreCase));
            case Operator.NotContains:
                return !values.Any(v => text.Contains(v, StringComparison.OrdinalIgnoreCase));
            case Operator.StartsWith:
                return values.Any(v => text.StartsWith(v, StringComparison.OrdinalIgnoreCase));
            case Operator.EndsWith:
                return values.Any(v => text.EndsWith(v, StringComparison.OrdinalIgnoreCase));
        }

        // Ordering text only makes sense when it is a number or a date written as text.
        if (ParseNumber(text) is { } n)
        {
            return CompareNumber(n, statement.Operator, values);
        }

        return ParseDate(text, zone) is { } d && CompareDate(d, text.Length == 10, statement, now, zone);
    }

    private static DateTimeOffset? ReadDate(JsonValue value, DateOffset? offset, TimeZoneInfo zone)
    {
        if (value.GetValueKind() != JsonValueKind.String || ParseDate(value.GetValue<string>(), zone) is not { } date)
        {
            return null;
        }

        return offset?.Unit?.ToLowerInvariant() switch
        {
            "days" => date.AddDays(offset.Amount),
            "months" => date.AddMonths(offset.Amount),
            "years" => date.AddYears(offset.Amount),
            _ => date,
        };
    }

    private static DateTimeOffset? ParseDate(string text, TimeZoneInfo zone)
    {
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new TenantCalendar(zone).StartOf(day);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }

    private static DateTimeOffset? ValueDate(string text, StatementValueType? type, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (type != StatementValueType.RelativeDate)
        {
            return ParseDate(text, zone);
        }

        // Relative tokens: today, yesterday, tomorrow, now, or today+N / today-N in days.
        var token = text.Trim().ToLowerInvariant();
        var calendar = new TenantCalendar(zone);
        var today = calendar.DayOf(now);
        DateTimeOffset Day(int offset) => calendar.StartOf(today.AddDays(offset));
        return token switch
        {
            "now" => now,
            "today" => Day(0),
            "yesterday" => Day(-1),
            "tomorrow" => Day(1),
            _ when token.StartsWith("today", StringComparison.Ordinal)
                && int.TryParse(token["today".Length..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days)
                && Math.Abs(days) <= DueDateCalculator.MaxDays => Day(days),
            _ => null,
        };
    }

    private static bool CompareDate(DateTimeOffset attribute, bool dayOnly, Statement statement, DateTimeOffset now, TimeZoneInfo zone)
    {
        var parsed = (statement.Values ?? []).Select(v => ValueDate(v, statement.ValueType, now, zone)).ToList();
        if (parsed.Count == 0 || parsed.Exists(p => p is null))
        {
            return false;
        }

        // A date attribute, or a date-only value, compares by calendar day; otherwise by instant.
        var calendar = new TenantCalendar(zone);
        long Key(DateTimeOffset d, bool byDay) => byDay ? calendar.DayOf(d).DayNumber : d.UtcTicks;
        var byDay = dayOnly || (statement.Values ?? []).Any(v => v.Length == 10) || statement.ValueType == StatementValueType.RelativeDate;
        var a = Key(attribute, byDay);
        var keys = parsed.Select(p => Key(p!.Value, byDay)).ToList();
        return statement.Operator switch
        {
            Operator.Equal or Operator.AnyOf => keys.Contains(a),
            Operator.NotEquals or Operator.NoneOf => !keys.Contains(a),
            Operator.GreaterThan => a > keys[0],
            Operator.LessThan => a < keys[0],
            Operator.GreaterThanOrEquals => a >= keys[0],
            Operator.LessThanOrEquals => a <= keys[0],
            _ => false,
        };
    }
}
