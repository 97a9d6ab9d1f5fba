using Microsoft.Playwright;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// One app on a real socket and one headless Debian Chromium for a class of browser tests; each test gets its own
/// browser context (cookies, storage), so sign-ins do not leak between tests. Every page's console is watched for
/// Content Security Policy refusals: one fails the next test of the class (and the class's last one at its end), so
/// a page that needs what the policy forbids cannot pass unnoticed.
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
        // The webhook tests' receivers listen on 127.0.0.1, which webhooks may reach only when allowed.
        App.Settings["Webhooks:AllowedHosts:0"] = "127.0.0.1";
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

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> cspRefusals = new();

    /// <summary>Every CSP refusal any page of this fixture logged so far, with the page's address.</summary>
    public IReadOnlyCollection<string> CspRefusals => cspRefusals;

    public async Task<IPage> NewPageAsync()
    {
        AssertNoCspRefusals();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspRefusals.Enqueue($"{message.Page?.Url}: {message.Text}");
            }
        };
        return await context.NewPageAsync();
    }

    public void AssertNoCspRefusals()
    {
        if (!cspRefusals.IsEmpty)
        {
            var refusals = string.Join(Environment.NewLine, cspRefusals);
            cspRefusals.Clear();
            throw new Xunit.Sdk.XunitException($"A page broke the Content Security Policy:{Environment.NewLine}{refusals}");
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
        AssertNoCspRefusals();
    }
}
