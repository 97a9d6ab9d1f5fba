using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflows.Core.Entities;

/// <summary>Renders a schema's title template (<c>{{first_name}} {{last_name}}</c>) over a record's attributes.</summary>
public static partial class RecordTitle
{
    public static string Render(string template, JsonObject attributes)
    {
        var title = Placeholder().Replace(template, match =>
            attributes[match.Groups[1].Value] is JsonValue value ? value.ToString() : "");
        title = Spaces().Replace(title, " ").Trim(' ', '-', '·', ',');
        return string.IsNullOrWhiteSpace(title) ? "(untitled)" : title;
    }

    /// <summary>Whether the title is exactly this one attribute (<c>{{title}}</c>), so a list showing the title need not show it again.</summary>
    public static bool IsWholeTitle(string template, string attribute) =>
        Placeholder().Match(template.Trim()) is { Success: true } match && match.Length == template.Trim().Length
        && match.Groups[1].Value == attribute;

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
