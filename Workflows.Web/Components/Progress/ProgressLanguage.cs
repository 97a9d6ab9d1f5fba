using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Workflows.Web.Components.Progress;

/// <summary>
/// The languages of the customer progress page (German and English) and how one is chosen: the page's own switch
/// (<c>?lang=</c>) first, then the browser's <c>Accept-Language</c> by its weights, else English.
/// </summary>
public static class ProgressLanguage
{
    public const string English = "en";

    public const string German = "de";

    public static IReadOnlyList<string> All { get; } = [German, English];

    /// <summary>The language to show: <paramref name="asked"/> when it is one of ours, else the best of the header's.</summary>
    public static string Pick(string? asked, string? acceptLanguage)
    {
        if (Known(asked) is { } chosen)
        {
            return chosen;
        }

        if (!StringWithQualityHeaderValue.TryParseList(acceptLanguage?.Split(','), out var ranges))
        {
            return English;
        }

        return ranges
            .Where(r => r.Quality is not <= 0)
            .OrderByDescending(r => r.Quality ?? 1)
            .Select(r => Known(r.Value.Value?.Split('-')[0]))
            .FirstOrDefault(code => code is not null) ?? English;
    }

    /// <summary>The culture dates and numbers follow in <paramref name="language"/>.</summary>
    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == German ? "de-DE" : "en-GB");

    /// <summary>A text of the page in <paramref name="language"/>, whatever the circuit's own culture is.</summary>
    public static string Text(this IStringLocalizer<ProgressText> texts, string language, string key, params object[] arguments)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Culture(language);
        try
        {
            return arguments.Length == 0 ? texts[key] : texts[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string? Known(string? code) =>
        All.FirstOrDefault(l => string.Equals(l, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
