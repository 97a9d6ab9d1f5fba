using Workflows.Core.Localization;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// A text from an area's resources (<typeparamref name="TArea"/>, the marker class beside its <c>.resx</c> pair) in the
/// current UI culture, for code that has no <c>IStringLocalizer</c> at hand: static presentation helpers and validation
/// attributes. Components inject <c>IStringLocalizer&lt;TArea&gt;</c>, which reads the same files.
/// </summary>
public static class Texts
{
    public static string Get<TArea>(string key, params object[] arguments) => Languages.Text<TArea>(key, arguments);
}
