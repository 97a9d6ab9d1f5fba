using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Core.Demo;
using Workflows.Core.Localization;
using Workflows.Web.Components.Account;

namespace Workflows.Tests.Infrastructure;

/// <summary>What a person does again and again in the browser tests.</summary>
public static class PageExtensions
{
    /// <summary>Waits until the Blazor circuit is live: clicks before that are silently lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>Signs in through the login form, in whichever language the browser gets it.</summary>
    public static async Task LogInAsync(this IPage page, string email, string password = DemoSeeder.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel(InEitherLanguage("Email")).FillAsync(email);
        await page.GetByLabel(InEitherLanguage("Password")).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = InEitherLanguage("LogIn") }).ClickAsync();
    }

    /// <summary>The text of an area's <paramref name="key"/> in <paramref name="language"/>, as the app shows it.</summary>
    public static string Text<TArea>(string language, string key) => Languages.In(language, () => Languages.Text<TArea>(key));

    private static Regex InEitherLanguage(string key) =>
        new($"^({string.Join('|', Languages.All.Select(language => Regex.Escape(Text<AccountText>(language, key))))})$");

    /// <summary>
    /// Saves the assign dialog once the picked assignee shows as a chip; the suggestion list may still be open over the
    /// dialog's buttons, so it is closed first by clicking the dialog's title, as a person would.
    /// </summary>
    public static async Task ConfirmAssigneesAsync(this IPage page)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator(".mud-chip")).Not.ToHaveCountAsync(0);
        await dialog.Locator(".mud-dialog-title").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save assignees" }).ClickAsync();
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"),
            FullPage = false,
        });
    }
}
