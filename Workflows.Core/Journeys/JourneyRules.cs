using System.Text.RegularExpressions;
using Workflows.Core.Entities;
using Workflows.Core.Localization;

namespace Workflows.Core.Journeys;

/// <summary>What makes a journey definition usable: every problem is a sentence the builder can act on.</summary>
public static class JourneyRules
{
    public static IReadOnlyList<string> Check(Journey journey, EntitySchema? schema)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(journey.Name))
        {
            problems.Add(RefusalText.Of("JourneyNameMissing"));
        }

        if (schema is null)
        {
            problems.Add(RefusalText.Of("JourneySchemaUnknown", journey.Schema));
            return problems;
        }

        if (journey.Steps.Count == 0)
        {
            problems.Add(RefusalText.Of("JourneyStepMissing"));
        }

        var bound = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < journey.Steps.Count; i++)
        {
            var step = journey.Steps[i];
            var where = RefusalText.Of("JourneyStep", i + 1);
            if (string.IsNullOrWhiteSpace(step.Title))
            {
                problems.Add(RefusalText.Of("JourneyStepTitleMissing", where));
            }

            if (step.Fields.Count == 0)
            {
                problems.Add(RefusalText.Of("JourneyStepNoFields", where));
            }

            foreach (var field in step.Fields)
            {
                var name = string.IsNullOrWhiteSpace(field.Label) ? field.Attribute : field.Label;
                var attribute = schema.Attributes.Find(a => a.Name == field.Attribute);
                if (attribute is null)
                {
                    problems.Add(RefusalText.Of("JourneyFieldUnknownAttribute", where, name, field.Attribute, schema.Name));
                    continue;
                }

                if (!bound.Add(field.Attribute))
                {
                    problems.Add(RefusalText.Of("JourneyAttributeTwice", where, attribute.Label));
                }

                if (string.IsNullOrWhiteSpace(field.Label))
                {
                    problems.Add(RefusalText.Of("JourneyFieldLabelMissing", where, attribute.Label));
                }

                if (!JourneyFieldKinds.For(attribute.Type).Contains(field.Kind))
                {
                    problems.Add(RefusalText.Of("JourneyFieldKindWrong", where, attribute.Label, JourneyFieldKinds.Label(field.Kind)));
                }

                if (field.Min is { } min && field.Max is { } max && min > max)
                {
                    problems.Add(RefusalText.Of("JourneyMinAboveMax", where, name));
                }

                if (!string.IsNullOrEmpty(field.Pattern) && !IsValidPattern(field.Pattern))
                {
                    problems.Add(RefusalText.Of("JourneyPatternInvalid", where, name));
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
