using Microsoft.Playwright;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class AutomationSidebarTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RecordId = "opportunity-011";

    [Fact]
    public async Task A_case_worker_runs_a_manual_automation_task_from_the_sidebar_and_sees_it_complete_live()
    {
        await StartSolarWithLeadQualifiedAsync();
        var page = await browser.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/entities/opportunity/{RecordId}");
        await page.WaitForInteractiveAsync();
        var task = Task(page, "Send offer e-mail");
        await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "PENDING");
        await page.ScreenshotAsync("automation-before-run");

        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Send offer e-mail" }).First.ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Menuitem, new() { Name = "Run automation" }).ClickAsync();

        // The click starts it; the worker finishes it in the background and the page follows without a reload.
        await Assertions.Expect(page.GetByText("Automation of \"Send offer e-mail\" started.")).ToBeVisibleAsync();
        await Assertions.Expect(task).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Assertions.Expect(task.GetByTestId("finished")).ToContainTextAsync("Done automatically on");
        await Assertions.Expect(Task(page, "Sign contract")).ToHaveAttributeAsync("data-locked", "false");
        await page.ScreenshotAsync("automation-task-completed");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Automation" }).ClickAsync();
        var run = page.Locator("[data-run]").First;
        await Assertions.Expect(run).ToHaveAttributeAsync("data-status", "Succeeded");
        await Assertions.Expect(run).ToContainTextAsync("Task \"Send offer e-mail\" run by Lena Schmidt");
        await Assertions.Expect(run.Locator("[data-action-status=Succeeded]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-automation-task]").First).ToHaveAttributeAsync("data-status", "COMPLETED");
        await page.ScreenshotAsync("automation-run-log");

        var mail = Assert.Single(Directory.GetFiles(browser.App.MailFolder, "*.eml"), f => File.ReadAllText(f).Contains("Your offer:", StringComparison.Ordinal));
        Assert.Contains("To: ", File.ReadAllText(mail), StringComparison.Ordinal);
        await page.Context.CloseAsync();

        // A builder sees the same run in the automation's history.
        var builder = await browser.NewPageAsync();
        await builder.LogInAsync("builder@workflows.demo");
        await builder.WaitForURLAsync("**/builder");
        await builder.GotoAsync("/automations");
        await builder.WaitForInteractiveAsync();
        await Assertions.Expect(builder.GetByRole(AriaRole.Table, new() { Name = "Automations" })).ToContainTextAsync("Onboard new contacts");
        await builder.ScreenshotAsync("automation-list");
        await builder.GetByRole(AriaRole.Link, new() { Name = "Send solar offer e-mail", Exact = true }).ClickAsync();
        await Assertions.Expect(builder.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Send solar offer e-mail");
        await Assertions.Expect(builder.Locator("[data-run]").First).ToHaveAttributeAsync("data-status", "Succeeded");
        await builder.ScreenshotAsync("automation-editor");
        await builder.Context.CloseAsync();
    }

    private async Task StartSolarWithLeadQualifiedAsync()
    {
        var executions = browser.App.Services.GetRequiredService<FlowExecutionService>();
        var lena = new Actor("lena", "Lena Schmidt");
        var started = await executions.StartAsync(DemoWorkflows.TemplateId("solar-installation"), [new EntityRef { EntityId = RecordId }], lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        var qualify = started.Value.Tasks.Single(t => t.Name == "Qualify lead");
        var done = await executions.ApplyAsync(started.Value.Id, new SetTaskStatus(qualify.Id, StepStatus.COMPLETED), lena, null, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);
    }

    private static ILocator Task(IPage page, string name) =>
        page.Locator(".wf-task").Filter(new() { Has = page.Locator(".wf-task-name", new() { HasTextString = name }) }).First;
}
