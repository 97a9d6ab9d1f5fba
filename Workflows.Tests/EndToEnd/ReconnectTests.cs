using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// A dropped connection, made by the browser's own WebSocket routing: the circuit's socket is closed and the
/// reconnect attempts are refused (negotiation aborted) until the test lets them through again.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class ReconnectTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_dashboard_tab_whose_connection_drops_shows_the_banner_keeps_the_page_inert_and_comes_back_on_the_same_view()
    {
        var page = await browser.NewPageAsync();
        var sockets = new List<IWebSocketRoute>();
        var offline = false;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            socket.ConnectToServer();
            sockets.Add(socket);
        });
        await page.RouteAsync("**/_blazor/negotiate**", route => offline ? route.AbortAsync() : route.ContinueAsync());

        await page.LogInAsync("manager@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/dashboard?assignee=all&due=overdue");
        await page.WaitForInteractiveAsync();
        var rows = page.Locator("[data-testid=task-table] tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("overdue");
        var view = page.Url;
        var banner = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(banner).ToBeHiddenAsync();

        offline = true;
        foreach (var socket in sockets)
        {
            await socket.CloseAsync();
        }

        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(banner).ToContainTextAsync(new Regex("Reconnecting|Still reconnecting"));
        Assert.True(await page.Locator("[data-card=open]").EvaluateAsync<bool>("card => card.closest('[inert]') !== null"),
            "While the connection is down, the page under the banner takes no clicks.");
        await page.ScreenshotAsync("reconnecting-banner");

        offline = false;
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 40_000 });
        Assert.Equal(view, page.Url);
        await Assertions.Expect(rows.First).ToContainTextAsync("overdue");
        Assert.False(await page.Locator("[data-card=open]").EvaluateAsync<bool>("card => card.closest('[inert]') !== null"));

        // The same circuit answers again: the next click changes the view.
        await page.Locator("[data-card=open]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("due=overdue"));
        await page.Context.CloseAsync();
    }
}
