using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.Demo;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using Workflows.Web.Hosting;

namespace Workflows.Tests.Hosting;

/// <summary>How a request's language is chosen and switched (ADR-031): profile, then cookie, then Accept-Language, then English.</summary>
public sealed class LanguageSwitchTests(WorkflowsAppFactory app) : IClassFixture<WorkflowsAppFactory>
{
    [Fact]
    public async Task The_browsers_accept_language_decides_until_someone_chooses()
    {
        using var client = Client();

        Assert.Equal("en", await PageLanguageAsync(client, acceptLanguage: null));
        Assert.Equal("de", await PageLanguageAsync(client, "fr-FR, de-AT;q=0.8, en;q=0.5"));
        Assert.Equal("en", await PageLanguageAsync(client, "de;q=0, en-GB;q=0.4"));
        Assert.Equal("en", await PageLanguageAsync(client, "fr, it;q=0.5"));
    }

    [Fact]
    public async Task A_switch_is_remembered_on_the_browser_before_sign_in_and_goes_back_where_it_came_from()
    {
        using var client = Client();

        using var switched = await client.GetAsync(new Uri("/Account/Language/de?returnUrl=%2FAccount%2FLogin%3FReturnUrl%3D%252Fdashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/Account/Login?ReturnUrl=%2Fdashboard", switched.Headers.Location?.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(LanguageSetup.CookieName + "=de;", StringComparison.Ordinal));
        Assert.Equal("de", await PageLanguageAsync(client, "en-US"));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("")]
    public async Task A_switch_never_sends_the_browser_to_another_site(string returnUrl)
    {
        using var client = Client();

        using var switched = await client.GetAsync(new Uri("/Account/Language/en?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/", switched.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_language_is_refused_and_nothing_is_remembered()
    {
        using var client = Client();

        using var refused = await client.GetAsync(new Uri("/Account/Language/fr?returnUrl=%2F", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'fr' is not one of the languages: de, en.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_signed_in_users_choice_is_saved_in_their_profile_and_follows_them_to_another_browser()
    {
        const string email = "partner@solartech.demo";
        using (var first = Client())
        {
            Assert.True(await FormSignIn.SignInAsync(first, email, DemoSeeder.DemoPassword));
            using var switched = await first.GetAsync(new Uri("/Account/Language/de?returnUrl=%2Fpartner", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        }

        using (var scope = app.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
            Assert.Equal("de", user!.Language);
        }

        // Another browser, which asks for English and has no language cookie: the profile wins once signed in.
        using var second = Client();
        Assert.True(await FormSignIn.SignInAsync(second, email, DemoSeeder.DemoPassword));
        second.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Equal("de", await PageLanguageAsync(second, acceptLanguage: null, path: "/partner"));
    }

    [Fact]
    public async Task A_switch_takes_effect_on_a_browser_signed_in_before_the_profile_already_says_so()
    {
        // The browser's sign-in still says English while the profile already says German: a switch made on another
        // browser, or the same switch sent twice (a menu item that navigates twice, whose first answer the browser drops).
        const string email = "caseworker2@workflows.demo";
        using var laptop = Client();
        Assert.True(await FormSignIn.SignInAsync(laptop, email, DemoSeeder.DemoPassword));
        using (var english = await laptop.GetAsync(new Uri("/Account/Language/en?returnUrl=%2Fdashboard", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        }

        using (var phone = Client())
        {
            Assert.True(await FormSignIn.SignInAsync(phone, email, DemoSeeder.DemoPassword));
            using var _ = await phone.GetAsync(new Uri("/Account/Language/de?returnUrl=%2Fdashboard", UriKind.Relative));
        }

        Assert.Equal("en", await PageLanguageAsync(laptop, "en-US", path: "/dashboard"));
        using var switched = await laptop.GetAsync(new Uri("/Account/Language/de?returnUrl=%2Fdashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("de", await PageLanguageAsync(laptop, "en-US", path: "/dashboard"));
    }

    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The <c>lang</c> of the page's <c>html</c> element.</summary>
    private static async Task<string> PageLanguageAsync(HttpClient client, string? acceptLanguage, string path = "/Account/Login")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("<html lang=\"", StringComparison.Ordinal) + "<html lang=\"".Length;
        return html[start..html.IndexOf('"', start)];
    }
}
