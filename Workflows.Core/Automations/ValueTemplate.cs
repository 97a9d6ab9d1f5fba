using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflows.Core.Automations;

/// <summary>
/// Fills <c>{{path}}</c> placeholders from a <see cref="TemplateScope"/>: <c>{{entity.amount}}</c>,
/// <c>{{entity.contact.email}}</c> (through a relation), <c>{{entity._title}}</c>, <c>{{workflow.name}}</c>,
/// <c>{{task.name}}</c>, <c>{{automation.name}}</c>, <c>{{event.actor}}</c>, <c>{{progress_link}}</c> (e-mails only). An unknown or empty value renders as
/// nothing; text outside placeholders is kept as written.
/// </summary>
public static partial class ValueTemplate
{
    /// <summary>Renders the template as text.</summary>
    public static string Render(string? template, TemplateScope scope) =>
        string.IsNullOrEmpty(template)
            ? ""
            : Placeholder().Replace(template, match => AsText(scope.Resolve(match.Groups[1].Value)));

    /// <summary>
    /// Renders a value for an attribute: a template that is exactly one placeholder keeps the value's JSON type (a
    /// number stays a number, a list a list); anything else becomes text.
    /// </summary>
    public static JsonNode? RenderValue(string? template, TemplateScope scope)
    {
        var trimmed = template?.Trim();
        if (trimmed is not null && Placeholder().Match(trimmed) is { Success: true } match && match.Length == trimmed.Length)
        {
            return scope.Resolve(match.Groups[1].Value)?.DeepClone();
        }

        return Render(template, scope);
    }

    /// <summary>The placeholders a template uses, for checks in the editor.</summary>
    public static IReadOnlyList<string> PathsIn(string? template) =>
        string.IsNullOrEmpty(template) ? [] : [.. Placeholder().Matches(template).Select(m => m.Groups[1].Value)];

    private static string AsText(JsonNode? value) => value switch
    {
        null => "",
        JsonArray list => string.Join(", ", list.Select(AsText)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => value.ToJsonString(),
    };

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
