using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// A text from an area's resources (<typeparamref name="TArea"/>, the marker class beside its <c>.resx</c> pair) in the
/// current UI culture, for code that has no <c>IStringLocalizer</c> at hand: static presentation helpers and validation
/// attributes. Components inject <c>IStringLocalizer&lt;TArea&gt;</c>, which reads the same files.
/// </summary>
public static class Texts
{
    private static readonly ConcurrentDictionary<Type, ResourceManager> Managers = new();

    public static string Get<TArea>(string key, params object[] arguments)
    {
        var resources = Managers.GetOrAdd(typeof(TArea), area => new ResourceManager(area.FullName!, area.Assembly));
        var text = resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return arguments.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, arguments);
    }
}
