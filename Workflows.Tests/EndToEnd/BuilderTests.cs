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

    [Fact]
    public async Task Tasks_dragged_onto_the_canvas_and_connected_are_saved_with_ctrl_s_and_come_back_intact()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/builder/new");
        await page.WaitForInteractiveAsync();
        var canvas = page.Locator(".wf-canvas-area");
        var manualTask = page.Locator(".wf-palette-item", new() { HasText = "Manual task" });

        await manualTask.DragToAsync(canvas, new() { TargetPosition = new() { X = 200, Y = 150 } });
        await RenameSelectedTaskAsync(page, "Check documents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close task details" }).ClickAsync();
        await manualTask.DragToAsync(canvas, new() { TargetPosition = new() { X = 560, Y = 150 } });
        await RenameSelectedTaskAsync(page, "Install system");
        await ChooseAsync(page, "Due date", "Dynamic (after an event)");
        await page.GetByLabel("Duration").FillAsync("3");
        await page.GetByLabel("Duration").PressAsync("Tab");

        var from = page.Locator(".wf-task-node", new() { HasText = "Check documents" }).Locator(".wf-port-out");
        var to = page.Locator(".wf-task-node", new() { HasText = "Install system" }).Locator(".wf-port-in");
        await ConnectAsync(page, from, to);
        await Assertions.Expect(page.Locator(".diagram-link path").First).ToBeAttachedAsync();
        await page.ScreenshotAsync("builder-new-workflow");

        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByText("Saved as version 1.")).ToBeVisibleAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/builder/[0-9a-f-]{36}$"));

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".wf-task-node", new() { HasText = "Check documents" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-link path").First).ToBeAttachedAsync();
        await page.Locator(".wf-task-node", new() { HasText = "Install system" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Duration")).ToHaveValueAsync("3");
        await page.ScreenshotAsync("builder-reloaded");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saving_is_refused_while_the_problems_list_has_entries()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/builder/new");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add automation task" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Not saved: Automation task 'New automation' has no automation to run.")).ToBeVisibleAsync();
        var problems = page.GetByRole(AriaRole.Region, new() { Name = "Problems" });
        await problems.GetByText("has no automation to run").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Task details" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("builder-problems");
        await page.Context.CloseAsync();
    }

    private static async Task RenameSelectedTaskAsync(IPage page, string name)
    {
        var field = page.GetByRole(AriaRole.Region, new() { Name = "Task details" }).GetByLabel("Name", new() { Exact = true });
        await field.FillAsync(name);
        await field.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".wf-task-node", new() { HasText = name })).ToBeVisibleAsync();
    }

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.Locator(".mud-input-control", new() { Has = page.Locator("label", new() { HasTextRegex = new($"^{label}$") }) }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    private static async Task ConnectAsync(IPage page, ILocator from, ILocator to)
    {
        var start = (await from.BoundingBoxAsync())!;
        var end = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((start.X + end.X) / 2, (start.Y + end.Y) / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(end.X + end.Width / 2, end.Y + end.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }
}
