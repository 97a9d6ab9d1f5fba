using Microsoft.Playwright;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// One app on a real socket and one headless Debian Chromium for a class of browser tests; each test gets its own
/// browser context (cookies, storage), so sign-ins do not leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public WorkflowsAppFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        // The suite shares two cores with the app it drives; give the browser's expectations room under load.
        Assertions.SetDefaultExpectTimeout(15_000);
        BaseAddress = App.StartOnSocket();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
