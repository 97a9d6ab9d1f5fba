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

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
