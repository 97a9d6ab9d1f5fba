using System.Diagnostics;
using Microsoft.Playwright;

namespace Workflows.Bench.Ui;

/// <summary>
/// Debian's Chromium (headless, the flags the browser tests use) driven by Playwright against the app. A timed action
/// runs from just before the click until a condition on the page's DOM holds, checked on every animation frame: the
/// moment the person sees the result.
/// </summary>
public sealed class UiBrowser(IPlaywright playwright, IBrowser browser, Uri address) : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<UiBrowser> LaunchAsync(Uri address)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The ui scenario drives Debian's Chromium at {ChromiumPath}: apt-get install chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
        return new UiBrowser(playwright, browser, address);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the form; returns the time from the click on "Log in" until the landing page is interactive.</summary>
    public static async Task<double> LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        return await TimeAsync(page,
            () => page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync(),
            "() => !location.pathname.startsWith('/Account') && document.querySelector('[data-interactive=true]') !== null");
    }

    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    /// <summary>Milliseconds from just before <paramref name="click"/> until the JavaScript predicate <paramref name="shown"/> holds.</summary>
    public static async Task<double> TimeAsync(IPage page, Func<Task> click, string shown)
    {
        var begun = Stopwatch.GetTimestamp();
        await click();
        await page.WaitForFunctionAsync(shown, null, new PageWaitForFunctionOptions { Timeout = (float)Patience.TotalMilliseconds });
        return Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
    }

    /// <summary>
    /// Opens a menu with <paramref name="open"/> and times its item <paramref name="item"/> like <see cref="TimeAsync"/>.
    /// A re-render that closes the menu before the click lands (a live update arriving) is counted on
    /// <paramref name="timings"/> and the menu opened again, as a person would.
    /// </summary>
    public static async Task<double> TimeMenuAsync(IPage page, Func<Task> open, string item, string shown, UiTimings timings)
    {
        for (var attempt = 1; ; attempt++)
        {
            await OpenMenu(page).WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await open();
            var begun = Stopwatch.GetTimestamp();
            try
            {
                await OpenMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = item }).ClickAsync(new() { Timeout = 3_000 });
            }
            catch (TimeoutException) when (attempt < 3)
            {
                timings.MenuLost();
                continue;
            }

            await page.WaitForFunctionAsync(shown, null, new PageWaitForFunctionOptions { Timeout = (float)Patience.TotalMilliseconds });
            return Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
        }
    }

    public static ILocator OpenMenu(IPage page) => page.Locator(".mud-popover-open:has([role=menuitem])");

    /// <summary>Waits for no dialog to be open, so the next click does not land on one that is closing.</summary>
    public static Task NoDialogAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.querySelector('.mud-dialog') === null", null, new PageWaitForFunctionOptions { Timeout = (float)Patience.TotalMilliseconds });

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
