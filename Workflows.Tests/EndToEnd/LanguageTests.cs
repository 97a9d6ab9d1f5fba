using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// A case worker switches to German in the user menu: labels, dates and amounts turn German, stay so after a reload
/// and on another browser (the profile remembers), and the switch back restores English.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed partial class LanguageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_user_menu_switches_the_whole_app_to_german_and_back()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/entities/opportunity");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(Column(page, 3)).ToContainTextAsync(EnglishAmount());

        await SwitchToAsync(page, "Deutsch");

        await page.WaitForURLAsync("**/entities/opportunity");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Datensätze" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Letzte Änderung" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByPlaceholder("Suchen")).ToBeVisibleAsync();
        await Assertions.Expect(Column(page, 3)).ToContainTextAsync(GermanAmount());
        await Assertions.Expect(page.Locator("table tbody tr td:last-child").First).ToContainTextAsync(GermanInstant());
        await Assertions.Expect(page.GetByText("Zeilen pro Seite:")).ToBeVisibleAsync(); // MudBlazor's own texts follow
        await page.ScreenshotAsync("records-list-german");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");

        // Another browser, which asks for English: once signed in, the profile's choice wins.
        var other = await browser.NewPageAsync();
        await other.LogInAsync("caseworker@workflows.demo");
        await other.WaitForURLAsync("**/dashboard");
        await Assertions.Expect(other.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await other.Context.CloseAsync();

        await SwitchToAsync(page, "English");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Last change" })).ToBeVisibleAsync();
        await Assertions.Expect(Column(page, 3)).ToContainTextAsync(EnglishAmount());
        await page.Context.CloseAsync();
    }

    private static async Task SwitchToAsync(IPage page, string language)
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = UserMenu() }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = language }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>The first row's cell in column <paramref name="index"/>: title, product, stage, amount, expected close, last change.</summary>
    private static ILocator Column(IPage page, int index) =>
        page.Locator($"table tbody tr td:nth-child({index + 1})").First;

    [GeneratedRegex("user menu|Benutzermenü")]
    private static partial Regex UserMenu();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex EnglishAmount();

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+(,\d+)?$")]
    private static partial Regex GermanAmount();

    [GeneratedRegex(@"\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}")]
    private static partial Regex GermanInstant();
}
