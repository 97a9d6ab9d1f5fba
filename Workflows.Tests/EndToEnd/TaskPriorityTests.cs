using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>A manager raises a task's priority and sets a follow-up in the sidebar; the dashboard sorted by priority lists it first.</summary>
[Collection(nameof(EndToEnd))]
public sealed class TaskPriorityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_priority_set_in_the_sidebar_puts_the_task_first_on_the_dashboard_sorted_by_priority()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("manager@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/entities/opportunity/opportunity-010");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Trigger new workflow" }).ClickAsync();
        await page.GetByText("Solar installation", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start workflow" }).ClickAsync();
        await Assertions.Expect(Task(page, "Qualify lead")).ToHaveAttributeAsync("data-status", "PENDING");

        await ActAsync(page, "Qualify lead", "Priority…");
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Critical" }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("Priority")).ToHaveValueAsync("90");
        await page.WaitForTimeoutAsync(400); // the band buttons' colour transition, for the screenshot
        await page.ScreenshotAsync("priority-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save priority" }).ClickAsync();
        await Assertions.Expect(Task(page, "Qualify lead").GetByTestId("priority")).ToHaveTextAsync("Critical (90)");

        await ActAsync(page, "Sign contract", "Follow-up date…");
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Follow up on").FillAsync("12/12/2026");
        await page.GetByRole(AriaRole.Dialog).GetByLabel("Follow up on").PressAsync("Tab");
        await page.ScreenshotAsync("follow-up-dialog");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Save follow-up" }).ClickAsync();
        await Assertions.Expect(Task(page, "Sign contract").GetByTestId("follow-up")).ToHaveTextAsync("Follow up on 12/12/2026");
        await page.ScreenshotAsync("sidebar-priority-follow-up");

        await page.GotoAsync("/dashboard?assignee=all");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sort by Priority" }).ClickAsync();
        // Polled, not awaited as a navigation: the sort changes the address within the page (history.pushState), and
        // a navigation waiter that starts a moment late misses it (the address was right, the wait timed out).
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard\\?assignee=all&sort=-priority$"));
        var first = page.Locator("[data-testid=task-table] tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("Qualify lead");
        await Assertions.Expect(first.GetByTestId("priority")).ToHaveTextAsync("Critical (90)");
        await page.ScreenshotAsync("dashboard-sorted-by-priority");
        await page.Context.CloseAsync();
    }

    private static ILocator OpenMenu(IPage page) => page.Locator(".mud-popover-open:has([role=menuitem])");

    private static ILocator Task(IPage page, string name) =>
        page.Locator(".wf-task").Filter(new() { Has = page.Locator(".wf-task-name", new() { HasTextString = name }) }).First;

    private static async Task ActAsync(IPage page, string task, string action)
    {
        await Assertions.Expect(OpenMenu(page)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {task}" }).First.ClickAsync();
        await OpenMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = action }).ClickAsync();
    }
}
