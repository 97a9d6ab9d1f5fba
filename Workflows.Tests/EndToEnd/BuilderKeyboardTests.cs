using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>The canvas without a mouse: tasks are named buttons, the arrow keys move between them, "Connect to…" draws an edge.</summary>
[Collection(nameof(EndToEnd))]
public sealed class BuilderKeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_builder_selects_tasks_with_the_keyboard_moves_with_the_arrows_and_connects_two_tasks_by_name()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/builder/new?from=solar-installation");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit to view" }).ClickAsync();

        var qualify = page.GetByRole(AriaRole.Button, new() { Name = "Qualify lead Manual task" });
        await qualify.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Task details" });
        await Assertions.Expect(details.GetByLabel("Name")).ToHaveValueAsync("Qualify lead");
        await Assertions.Expect(qualify).ToHaveAttributeAsync("aria-pressed", "true");

        await page.Keyboard.PressAsync("ArrowRight");
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveAttributeAsync("role", "button");
        await Assertions.Expect(focused.Locator(".wf-task-name")).Not.ToHaveTextAsync("Qualify lead");
        await Assertions.Expect(qualify).ToHaveAttributeAsync("aria-pressed", "false");
        var name = await focused.Locator(".wf-task-name").TextContentAsync();
        await Assertions.Expect(details.GetByLabel("Name")).ToHaveValueAsync(name!);

        await details.GetByRole(AriaRole.Button, new() { Name = "Connect to…" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-menu-item", new() { HasText = "Order materials" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"'{name}' now leads to 'Order materials'.")).ToBeVisibleAsync();
        await Assertions.Expect(details.GetByRole(AriaRole.Button, new() { Name = "Remove the connection to Order materials" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("builder-keyboard-connect");

        await details.GetByRole(AriaRole.Button, new() { Name = "Remove the connection to Order materials" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"'{name}' no longer leads to 'Order materials'.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
