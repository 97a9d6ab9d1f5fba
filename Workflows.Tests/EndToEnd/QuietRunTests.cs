using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>A clean run logs no exception: opening and leaving the builder and the dashboard leaves the log quiet.</summary>
[Collection(nameof(EndToEnd))]
public sealed class QuietRunTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Opening_and_leaving_the_builder_and_the_dashboard_logs_no_exception()
    {
        var builder = await browser.NewPageAsync();
        await builder.LogInAsync("builder@workflows.demo");
        await builder.WaitForURLAsync("**/builder");
        await builder.GotoAsync("/builder/tpl-solar-installation");
        await builder.WaitForInteractiveAsync();
        await Assertions.Expect(builder.Locator(".diagram-canvas")).ToBeVisibleAsync();
        await builder.GotoAsync("/builder");
        await builder.WaitForInteractiveAsync();
        await builder.Context.CloseAsync();

        var manager = await browser.NewPageAsync();
        await manager.LogInAsync("manager@workflows.demo");
        await manager.WaitForURLAsync("**/dashboard");
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.Locator(".mud-chart").First).ToBeVisibleAsync();
        await manager.GotoAsync("/entities/opportunity");
        await manager.WaitForInteractiveAsync();
        await manager.GotoAsync("/dashboard");
        await manager.WaitForInteractiveAsync();
        await manager.Context.CloseAsync();

        // Circuits end a moment after their page; give their disposal time to log, as it did before the fix.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.True(browser.App.Logs.Entries.Count == 0, string.Join(Environment.NewLine, browser.App.Logs.Entries));
    }
}
