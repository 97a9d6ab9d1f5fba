using System.Text.RegularExpressions;
using Workflows.Core.Entities;

namespace Workflows.Core.Journeys;

/// <summary>What makes a journey definition usable: every problem is a sentence the builder can act on.</summary>
public static class JourneyRules
{
    public static IReadOnlyList<string> Check(Journey journey, EntitySchema? schema)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(journey.Name))
        {
            problems.Add("Give the journey a name.");
        }

        if (schema is null)
        {
            problems.Add($"Choose the kind of record the journey fills in ('{journey.Schema}' does not exist).");
            return problems;
        }

        if (journey.Steps.Count == 0)
        {
            problems.Add("Add at least one step.");
        }

        var bound = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < journey.Steps.Count; i++)
        {
            var step = journey.Steps[i];
            var where = $"Step {i + 1}";
            if (string.IsNullOrWhiteSpace(step.Title))
            {
                problems.Add($"{where} needs a title.");
            }

            if (step.Fields.Count == 0)
            {
                problems.Add($"{where} has no fields.");
            }

            foreach (var field in step.Fields)
            {
                var name = string.IsNullOrWhiteSpace(field.Label) ? field.Attribute : field.Label;
                var attribute = schema.Attributes.Find(a => a.Name == field.Attribute);
                if (attribute is null)
                {
                    problems.Add($"{where}: '{name}' is bound to '{field.Attribute}', which {schema.Name} does not have.");
                    continue;
                }

                if (!bound.Add(field.Attribute))
                {
                    problems.Add($"{where}: {attribute.Label} is asked for twice; bind each attribute once.");
                }

                if (string.IsNullOrWhiteSpace(field.Label))
                {
                    problems.Add($"{where}: the field for {attribute.Label} needs a label.");
                }

                if (!JourneyFieldKinds.For(attribute.Type).Contains(field.Kind))
                {
                    problems.Add($"{where}: {attribute.Label} cannot be asked for as {JourneyFieldKinds.Label(field.Kind)}.");
                }

                if (field.Min is { } min && field.Max is { } max && min > max)
                {
                    problems.Add($"{where}: the minimum of {name} is above its maximum.");
                }

                if (!string.IsNullOrEmpty(field.Pattern) && !IsValidPattern(field.Pattern))
                {
                    problems.Add($"{where}: the pattern of {name} is not a valid regular expression.");
                }
            }
        }

        return problems;
    }

    private static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
