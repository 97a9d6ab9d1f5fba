using System.Text.RegularExpressions;
using Workflows.Core.Localization;

namespace Workflows.Core.Entities;

/// <summary>What makes a schema definition valid: a URL-safe slug, a name, and well-formed, unique attributes.</summary>
public static partial class SchemaRules
{
    public static Refusal? Check(EntitySchema schema)
    {
        var problems = new List<string>();
        if (!SlugPattern().IsMatch(schema.Slug ?? ""))
        {
            problems.Add(RefusalText.Of("SchemaSlugInvalid"));
        }

        if (string.IsNullOrWhiteSpace(schema.Name))
        {
            problems.Add(RefusalText.Of("SchemaNameMissing"));
        }

        if (string.IsNullOrWhiteSpace(schema.TitleTemplate))
        {
            problems.Add(RefusalText.Of("SchemaTitleTemplateMissing"));
        }

        foreach (var attribute in schema.Attributes)
        {
            if (!NamePattern().IsMatch(attribute.Name ?? ""))
            {
                problems.Add(RefusalText.Of("AttributeNameInvalid", attribute.Name));
            }

            if (!AttributeType.All.Contains(attribute.Type))
            {
                problems.Add(RefusalText.Of("AttributeTypeUnknown", attribute.Name, attribute.Type, string.Join(", ", AttributeType.All)));
            }

            if (attribute.Type is AttributeType.Select or AttributeType.MultiSelect && (attribute.Options is null || attribute.Options.Count == 0))
            {
                problems.Add(RefusalText.Of("AttributeNeedsOptions", attribute.Name, attribute.Type));
            }
            else if (attribute.Options is { } options
                && (options.Any(option => string.IsNullOrWhiteSpace(option.Value)) || options.DistinctBy(option => option.Value).Count() < options.Count))
            {
                problems.Add(RefusalText.Of("AttributeOptionValues", attribute.Name));
            }

            if (attribute.Unique && (!UniqueValues.Types.Contains(attribute.Type) || attribute.Multiline))
            {
                problems.Add(RefusalText.Of("AttributeCannotBeUnique", attribute.Name, string.Join(", ", UniqueValues.Types)));
            }

            if (attribute.Filterable && !FilterableValues.MayBeFilterable(attribute))
            {
                problems.Add(RefusalText.Of("AttributeCannotBeFilterable", attribute.Name, string.Join(", ", FilterableValues.Types)));
            }
        }

        foreach (var duplicate in schema.Attributes.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(RefusalText.Of("AttributeDefinedTwice", duplicate.Key, duplicate.Count()));
        }

        return problems.Count == 0 ? null : Refusal.Invalid(string.Join(" ", problems));
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]{0,63}$")]
    private static partial Regex NamePattern();
}
