using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Workflows.Core.Localization;

/// <summary>
/// The languages the product speaks (German and English) and the culture each one writes dates, times, numbers and
/// money in. Everything that formats for a person asks <see cref="CurrentCulture"/>, so one choice of language decides
/// words and formats alike.
/// </summary>
public static class Languages
{
    public const string English = "en";

    public const string German = "de";

    public static IReadOnlyList<string> All { get; } = [German, English];

    private static readonly CultureInfo EnglishCulture = MakeEnglish();

    private static readonly ConcurrentDictionary<Type, ResourceManager> Resources = new();

    private static readonly CultureInfo GermanCulture = CultureInfo.ReadOnly((CultureInfo)CultureInfo.GetCultureInfo("de-DE").Clone());

    /// <summary>One of ours for a code such as <c>de</c>, <c>DE-at</c> or <c>en_US</c>; null for any other.</summary>
    public static string? Known(string? code)
    {
        var primary = code?.Trim().Split('-', '_')[0];
        return All.FirstOrDefault(l => string.Equals(l, primary, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The culture of <paramref name="language"/>: <c>02.12.2026</c> and <c>24.100 €</c> in German, <c>12/2/2026</c> and <c>€24,100</c> in English.</summary>
    public static CultureInfo Culture(string? language) => Known(language) == German ? GermanCulture : EnglishCulture;

    /// <summary>The language of the current thread's UI culture (English when it is none of ours).</summary>
    public static string Current => Known(CultureInfo.CurrentUICulture.Name) ?? English;

    /// <summary>The culture formats follow now: the one of <see cref="Current"/>.</summary>
    public static CultureInfo CurrentCulture => Culture(Current);

    /// <summary>The language's name in itself, as a language menu shows it.</summary>
    public static string NativeName(string language) => Known(language) == German ? "Deutsch" : "English";

    /// <summary>A name (a record type's, an attribute's label) inside a sentence: English writes it in lower case there, German keeps its capital.</summary>
    public static string InSentence(string noun) => Current == German ? noun : noun.ToLowerInvariant();

    /// <summary>Runs <paramref name="work"/> in <paramref name="language"/> (texts and formats), whatever the thread's culture is.</summary>
    public static T In<T>(string? language, Func<T> work)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Culture(language);
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>
    /// A text of an area (<typeparamref name="TArea"/>, the marker class beside its <c>.resx</c> pair) in the current UI
    /// culture, formatted with <paramref name="arguments"/> in the current culture; the key itself when it is missing.
    /// </summary>
    public static string Text<TArea>(string key, params object[] arguments)
    {
        var resources = Resources.GetOrAdd(typeof(TArea), area => new ResourceManager(area.FullName!, area.Assembly));
        var text = resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return arguments.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, arguments);
    }

    // English as our users in Europe read it: US dates and separators, but amounts in euro, and a plain space before
    // AM/PM (ICU's narrow no-break space splits badly in narrow columns and is not what people type).
    private static CultureInfo MakeEnglish()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("en-US").Clone();
        culture.NumberFormat.CurrencySymbol = "€";
        var dates = culture.DateTimeFormat;
        dates.ShortTimePattern = dates.ShortTimePattern.Replace('\u202F', ' ');
        dates.LongTimePattern = dates.LongTimePattern.Replace('\u202F', ' ');
        dates.FullDateTimePattern = dates.FullDateTimePattern.Replace('\u202F', ' ');
        return CultureInfo.ReadOnly(culture);
    }
}
