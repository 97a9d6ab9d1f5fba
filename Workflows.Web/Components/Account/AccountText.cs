using Workflows.Core.Localization;

namespace Workflows.Web.Components.Account;

/// <summary>
/// Names the resources (<c>AccountText.resx</c>, <c>AccountText.de.resx</c>) that hold the texts of the sign-in and
/// profile pages. The static properties serve validation attributes (<c>ErrorMessageResourceType</c>), which read
/// their message from a static property in the current UI culture.
/// </summary>
public sealed class AccountText
{
    public static string EnterEmail => Text(nameof(EnterEmail));

    public static string EnterValidEmail => Text(nameof(EnterValidEmail));

    public static string EnterPassword => Text(nameof(EnterPassword));

    public static string EnterName => Text(nameof(EnterName));

    public static string EnterValidPhone => Text(nameof(EnterValidPhone));

    private static string Text(string key) => Languages.Text<AccountText>(key);
}
