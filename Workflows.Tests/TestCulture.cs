using System.Globalization;
using System.Runtime.CompilerServices;

namespace Workflows.Tests;

/// <summary>
/// Runs every test in English (en-US) whatever the machine's locale is, so texts and formats are the same on every
/// machine; a test that needs German says so (<c>Languages.In</c>, or a browser with a German locale).
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void UseEnglish()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
    }
}
