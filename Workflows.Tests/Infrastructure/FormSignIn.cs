using System.Net;
using System.Text.RegularExpressions;

namespace Workflows.Tests.Infrastructure;

/// <summary>Signs in through the app's login form over real HTTP, as a browser does.</summary>
public static partial class FormSignIn
{
    public const string CookieName = ".AspNetCore.Identity.Application";

    /// <summary>The sign-in cookie as a Cookie header value, or null when the form refused the credentials.</summary>
    public static async Task<string?> TryAsync(Uri address, string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        var posted = await PostAsync(client, email, password);
        var signIn = cookies.GetCookies(address).FirstOrDefault(c => c.Name == CookieName);
        return posted == HttpStatusCode.Redirect && signIn is not null ? $"{signIn.Name}={signIn.Value}" : null;
    }

    /// <summary>Signs <paramref name="client"/> in (it must keep cookies and not follow redirects); true when the form accepted.</summary>
    public static async Task<bool> SignInAsync(HttpClient client, string email, string password) =>
        await PostAsync(client, email, password) == HttpStatusCode.Redirect;

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        using var posted = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return posted.StatusCode;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
