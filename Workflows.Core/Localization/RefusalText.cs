namespace Workflows.Core.Localization;

/// <summary>
/// Names the resources (<c>RefusalText.resx</c>, <c>RefusalText.de.resx</c>) of what Core tells a person it refused,
/// and why: written in the current UI culture when the refusal is made (a page's circuit runs in its user's language,
/// the REST API always in English).
/// </summary>
public sealed class RefusalText
{
    private RefusalText()
    {
    }

    /// <summary>The text <paramref name="key"/> in the current UI culture, formatted with <paramref name="arguments"/>.</summary>
    public static string Of(string key, params object?[] arguments) => Languages.Text<RefusalText>(key, arguments!);
}
