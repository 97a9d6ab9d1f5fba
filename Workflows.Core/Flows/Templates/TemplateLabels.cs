using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// Labels organise templates in the builder's list and the API's filters. They are epilot's <c>taxonomies</c> on a
/// template, kept as the words people type: compared in any case, at most <see cref="MaxCount"/> of at most
/// <see cref="MaxLength"/> characters each.
/// </summary>
public static class TemplateLabels
{
    public const int MaxLength = 40;

    public const int MaxCount = 20;

    /// <summary>Whether <paramref name="carried"/> holds every one of <paramref name="wanted"/>, in any case.</summary>
    public static bool HasAll(IReadOnlyCollection<string> carried, IEnumerable<string> wanted) =>
        wanted.All(label => carried.Contains(label.Trim(), StringComparer.OrdinalIgnoreCase));

    /// <summary>What is wrong with a template's labels, each problem once; empty when they are fine.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<string>? labels)
    {
        if (labels is null)
        {
            yield break;
        }

        if (labels.Count > MaxCount)
        {
            yield return RefusalText.Of("LabelsTooMany", MaxCount, labels.Count);
        }

        if (labels.Any(string.IsNullOrWhiteSpace))
        {
            yield return RefusalText.Of("LabelEmpty");
        }

        foreach (var label in labels.Where(l => l?.Length > MaxLength))
        {
            yield return RefusalText.Of("LabelTooLong", label[..20], MaxLength);
        }

        foreach (var twice in labels.Where(l => !string.IsNullOrWhiteSpace(l)).GroupBy(l => l.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return RefusalText.Of("LabelTwice", twice.Key);
        }
    }
}
