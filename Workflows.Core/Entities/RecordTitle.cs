using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Core.Localization;

namespace Workflows.Core.Entities;

/// <summary>
/// Renders a schema's title template (<c>{{first_name}} {{last_name}}</c>) over a record's attributes; a select shows
/// its option's title (<c>Wärmepumpe</c>), not the stored value (<c>Heat pump</c>), as everywhere else a person reads it.
/// </summary>
public static partial class RecordTitle
{
    public static string Render(EntitySchema schema, JsonObject attributes)
    {
        var title = Placeholder().Replace(schema.TitleTemplate, match =>
        {
            var name = match.Groups[1].Value;
            if (attributes[name] is not JsonValue value)
            {
                return "";
            }

            var attribute = schema.Attributes.FirstOrDefault(a => a.Name == name);
            return attribute is { Type: AttributeType.Select } ? attribute.OptionText(value.ToString()) : value.ToString();
        });
        title = Spaces().Replace(title, " ").Trim(' ', '-', '·', ',');
        return string.IsNullOrWhiteSpace(title) ? "(untitled)" : title;
    }

    /// <summary>The attribute a write names to give the record its title (epilot's <c>_title</c>).</summary>
    public const string GivenAttribute = "_title";

    /// <summary>
    /// The title a record has after a write: the <c>_title</c> the write gives; otherwise, when its title was given
    /// before (it is not what the template made of its values then), that one stays; otherwise the schema's template
    /// over its new values. <paramref name="before"/> is the record as it was, null for a new one.
    /// </summary>
    public static Outcome<string> After(EntitySchema schema, JsonObject written, JsonObject values, EntityRecord? before)
    {
        switch (written[GivenAttribute])
        {
            case null:
                return before is not null && before.Title != Render(schema, before.Attributes) ? before.Title : Render(schema, values);
            case JsonValue given when given.TryGetValue<string>(out var title) && !string.IsNullOrWhiteSpace(title):
                return title.Length <= MaxLength ? title.Trim() : Refusal.Invalid(RefusalText.Of("RecordTitleTooLong", GivenAttribute, MaxLength));
            default:
                return Refusal.Invalid(RefusalText.Of("RecordTitleNotText", GivenAttribute));
        }
    }

    /// <summary>The longest title a record may be given.</summary>
    public const int MaxLength = 500;

    /// <summary>Whether the title is exactly this one attribute (<c>{{title}}</c>), so a list showing the title need not show it again.</summary>
    public static bool IsWholeTitle(string template, string attribute) =>
        Placeholder().Match(template.Trim()) is { Success: true } match && match.Length == template.Trim().Length
        && match.Groups[1].Value == attribute;

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
