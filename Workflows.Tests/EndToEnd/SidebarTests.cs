using Microsoft.Playwright;
using Workflows.Core.Flows.Executions;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class SidebarTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Record = "/entities/opportunity/opportunity-010";

    [Fact]
    public async Task A_case_worker_runs_a_workflow_from_the_record_page_and_a_colleague_sees_it_live()
    {
        var page = await OpenRecordAsync("caseworker@workflows.demo");
        var colleague = await OpenRecordAsync("caseworker2@workflows.demo");

        // Trigger new workflow
        await page.GetByRole(AriaRole.Button, new() { Name = "Trigger new workflow" }).ClickAsync();
        await page.GetByText("Solar installation", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("trigger-preview")).ToContainTextAsync("Qualify lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start workflow" }).ClickAsync();
        await Assertions.Expect(page.GetByText("\"Solar installation\" started.")).ToBeVisibleAsync();
        await Assertions.Expect(Task(page, "Qualify lead")).ToHaveAttributeAsync("data-status", "PENDING");
        await page.ScreenshotAsync("sidebar-started");

        // The colleague's page shows the new workflow without reloading.
        await Assertions.Expect(Task(colleague, "Qualify lead")).ToBeVisibleAsync();

        // A locked task says what it waits for, and its actions are disabled.
        var signContract = Task(page, "Sign contract");
        await Assertions.Expect(signContract).ToHaveAttributeAsync("data-locked", "true");
        await Assertions.Expect(signContract.GetByTestId("waits-for")).ToHaveTextAsync("Waits for: Send offer e-mail");
        await OpenMenuAsync(page, "Sign contract");
        await Assertions.Expect(OpenMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = "Mark as done" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Sign contract" }).First.ClickAsync();
        await Assertions.Expect(OpenMenu(page)).ToHaveCountAsync(0);

        // Complete a task; the colleague sees it done without reloading.
        await ActAsync(page, "Qualify lead", "Mark as done");
        await Assertions.Expect(Task(page, "Qualify lead")).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Assertions.Expect(Task(colleague, "Qualify lead")).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Assertions.Expect(Task(page, "Qualify lead").GetByTestId("finished")).ToContainTextAsync("Done by Lena Schmidt on");

        // Add a note that mentions the colleague: it shows on the task, and the colleague's bell counts one more.
        // (The demo's round-robin team may have handed the colleague a task already.)
        var bell = colleague.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Notifications, \d+ unread$") });
        var unreadBefore = int.Parse(System.Text.RegularExpressions.Regex.Match((await bell.TextContentAsync())!, @"Notifications, (\d+) unread").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await ActAsync(page, "Sign contract", "Notes…");
        await page.GetByLabel("New note (Markdown)").FillAsync("Contract draft is **ready**. @Mehmet Yılmaz please check the roof photos.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("note-preview").Locator("strong")).ToHaveTextAsync("ready");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-note]")).ToContainTextAsync("Contract draft is ready.");
        await page.ScreenshotAsync("sidebar-notes");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await Assertions.Expect(Task(page, "Sign contract").GetByTestId("note-count")).ToHaveTextAsync("1");
        await Assertions.Expect(colleague.GetByRole(AriaRole.Button, new() { Name = $"Notifications, {unreadBefore + 1} unread" })).ToBeVisibleAsync();

        // Assign a partner.
        await ActAsync(page, "Sign contract", "Assign…");
        await page.GetByLabel("Search users and partners").FillAsync("SolarTech");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "SolarTech Montage GmbH" }).First.ClickAsync();
        await page.ConfirmAssigneesAsync();
        await Assertions.Expect(Task(page, "Sign contract")).ToContainTextAsync("SolarTech Montage GmbH");

        // Add a manual task.
        await page.GetByRole(AriaRole.Button, new() { Name = "New task" }).ClickAsync();
        await page.GetByLabel("Task name").FillAsync("Call the customer back");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add task" }).ClickAsync();
        await Assertions.Expect(Task(page, "Call the customer back")).ToContainTextAsync("added by hand");
        await page.ScreenshotAsync("sidebar-working");

        // Bulk-complete two tasks; the result lists each.
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign several tasks" }).ClickAsync();
        await page.GetByLabel("Select Call the customer back").CheckAsync();
        await page.GetByLabel("Select Send offer e-mail").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("bulk-summary")).ToHaveTextAsync("All 2 tasks were updated.");
        await page.ScreenshotAsync("sidebar-bulk-result");
        await page.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Assertions.Expect(Task(page, "Send offer e-mail")).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Assertions.Expect(Task(page, "Sign contract")).ToHaveAttributeAsync("data-locked", "false");

        // Close with a reason, then reopen.
        await page.GetByRole(AriaRole.Button, new() { Name = "Workflow actions for Solar installation" }).ClickAsync();
        await OpenMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = "Close workflow (cancel)…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close workflow" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Choose the reason for closing.")).ToBeVisibleAsync();
        await page.GetByText("Customer cancelled").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close workflow" }).ClickAsync();
        var card = page.Locator("[data-execution]").First;
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "CLOSED");
        await Assertions.Expect(card).ToContainTextAsync("Closed: Customer cancelled");
        await page.ScreenshotAsync("sidebar-closed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Workflow actions for Solar installation" }).ClickAsync();
        await OpenMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = "Reopen workflow" }).ClickAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "STARTED");

        // History tab lists what happened, with who.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Activity" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("History")).ToContainTextAsync("Lena Schmidt");
        await Assertions.Expect(page.GetByLabel("History")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("assigned 'Sign contract' to .*SolarTech Montage GmbH"));
        await Assertions.Expect(page.GetByLabel("History")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex("[0-9a-f]{8}-[0-9a-f]{4}-|\\d{4}-\\d{2}-\\d{2}"));
        await page.ScreenshotAsync("sidebar-history");
        await page.Context.CloseAsync();
        await colleague.Context.CloseAsync();
    }

    [Fact]
    public async Task A_change_based_on_a_stale_view_is_refused_with_who_changed_it()
    {
        var page = await OpenRecordAsync("caseworker@workflows.demo", "/entities/contact/contact-012");
        await Assertions.Expect(page.Locator("[data-execution]").First).ToBeVisibleAsync();

        // Someone else completes the current task through the API while this page still shows the old state.
        var card = page.Locator("[data-execution]").First;
        var executionId = await card.GetAttributeAsync("data-execution");
        var current = page.Locator(".wf-task-current").First;
        var taskId = await current.GetAttributeAsync("data-task");
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var executions = scope.ServiceProvider.GetRequiredService<Workflows.Core.Flows.Executions.FlowExecutionService>();
            var outcome = await executions.ApplyAsync(executionId!, new Workflows.Core.Flows.Engine.SetTaskStatus(taskId!, Workflows.Core.Flows.Executions.StepStatus.IN_PROGRESS),
                new Workflows.Core.Identity.Actor("someone", "Mehmet Yılmaz"), null, CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Error);
        }

        await Assertions.Expect(page.Locator($"[data-task='{taskId}']")).ToHaveAttributeAsync("data-status", "IN_PROGRESS");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenRecordAsync(string email, string record = Record)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(email);
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync(record);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("Workflow sidebar")).ToBeVisibleAsync();
        return page;
    }

    private static ILocator OpenMenu(IPage page) => page.Locator(".mud-popover-open:has([role=menuitem])");

    private static ILocator Task(IPage page, string name) =>
        page.Locator(".wf-task").Filter(new() { Has = page.Locator(".wf-task-name", new() { HasTextString = name }) }).First;

    private static async Task OpenMenuAsync(IPage page, string task)
    {
        await Assertions.Expect(OpenMenu(page)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {task}" }).First.ClickAsync();
    }

    private static async Task ActAsync(IPage page, string task, string action)
    {
        await OpenMenuAsync(page, task);
        await OpenMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = action }).ClickAsync();
    }
}
