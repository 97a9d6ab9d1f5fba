using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class BuilderTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_gallery_template_opens_on_the_canvas_and_a_task_shows_its_details()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");

        await page.GotoAsync("/builder/new?from=solar-installation");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".wf-task-node").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit to view" }).ClickAsync();
        await Assertions.Expect(page.Locator(".diagram-link path").First).ToBeAttachedAsync();
        await page.ScreenshotAsync("builder-canvas");

        await page.Locator(".wf-task-node").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Task details" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("builder-task-panel");
        await page.Context.CloseAsync();
    }
}
