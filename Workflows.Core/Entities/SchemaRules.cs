using System.Text.RegularExpressions;

namespace Workflows.Core.Entities;

/// <summary>What makes a schema definition valid: a URL-safe slug, a name, and well-formed, unique attributes.</summary>
public static partial class SchemaRules
{
    public static Refusal? Check(EntitySchema schema)
    {
        var problems = new List<string>();
        if (!SlugPattern().IsMatch(schema.Slug ?? ""))
        {
            problems.Add("The slug may use only letters, digits, '_' and '-' (1 to 64 characters).");
        }

        if (string.IsNullOrWhiteSpace(schema.Name))
        {
            problems.Add("The schema needs a name.");
        }

        if (string.IsNullOrWhiteSpace(schema.TitleTemplate))
        {
            problems.Add("The schema needs a title template, such as {{name}}.");
        }

        foreach (var attribute in schema.Attributes)
        {
            if (!NamePattern().IsMatch(attribute.Name ?? ""))
            {
                problems.Add($"Attribute name '{attribute.Name}' must start with a letter and use only letters, digits and '_'.");
            }

            if (!AttributeType.All.Contains(attribute.Type))
            {
                problems.Add($"Attribute '{attribute.Name}' has unknown type '{attribute.Type}'; use one of {string.Join(", ", AttributeType.All)}.");
            }

            if (attribute.Type is AttributeType.Select or AttributeType.MultiSelect && (attribute.Options is null || attribute.Options.Count == 0))
            {
                problems.Add($"Attribute '{attribute.Name}' is a {attribute.Type} and needs options.");
            }
            else if (attribute.Options is { } options
                && (options.Any(option => string.IsNullOrWhiteSpace(option.Value)) || options.DistinctBy(option => option.Value).Count() < options.Count))
            {
                problems.Add($"Attribute '{attribute.Name}' needs a different, non-empty value for each option.");
            }

            if (attribute.Unique && (!UniqueValues.Types.Contains(attribute.Type) || attribute.Multiline))
            {
                problems.Add($"Attribute '{attribute.Name}' cannot be unique: only single-line {string.Join(", ", UniqueValues.Types)} attributes can.");
            }

            if (attribute.Filterable && !FilterableValues.MayBeFilterable(attribute))
            {
                problems.Add($"Attribute '{attribute.Name}' cannot be filterable: only single-line {string.Join(", ", FilterableValues.Types)} attributes can.");
            }
        }

        foreach (var duplicate in schema.Attributes.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Attribute '{duplicate.Key}' is defined {duplicate.Count()} times.");
        }

        return problems.Count == 0 ? null : Refusal.Invalid(string.Join(" ", problems));
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]{0,63}$")]
    private static partial Regex NamePattern();
}
