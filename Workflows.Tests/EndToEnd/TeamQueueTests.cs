using Microsoft.Playwright;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Executions;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class TeamQueueTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_case_worker_claims_a_task_of_the_field_service_team_from_the_dashboard_and_releases_it_again()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("caseworker2@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Assignee" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "My teams' tasks" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("assignee=teams"));
        var row = page.Locator("[data-testid=task-table] tbody tr").Filter(new() { HasText = "Field service" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await page.ScreenshotAsync("team-queue");
        var name = (await row.Locator("[data-task] a").First.InnerTextAsync()).Trim();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Assign {name} to me" }).ClickAsync();

        await Assertions.Expect(page.GetByText($"“{name}” is yours now.")).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Mehmet Yılmaz, Field service");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Release {name} to its team" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("team-queue-claimed");
        var task = await FieldServiceTaskAsync();
        Assert.Equal(DemoSeeder.FieldServiceTeamId, task.Team);
        Assert.Equal(DemoSeeder.FieldServiceTeamId, task.AssigneeIds().Last());

        await row.GetByRole(AriaRole.Button, new() { Name = $"Release {name} to its team" }).ClickAsync();

        await Assertions.Expect(page.GetByText($"“{name}” is back in its team's queue.")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Assign {name} to me" })).ToBeVisibleAsync();
        Assert.Equal([DemoSeeder.FieldServiceTeamId], (await FieldServiceTaskAsync()).AssigneeIds());

        // The Assign dialog offers teams beside people and partners, marked as such.
        await row.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {name}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign…" }).ClickAsync();
        await page.GetByLabel("Search users and partners").FillAsync("Back");
        await Assertions.Expect(page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Back office" })).ToContainTextAsync("Team");
        await page.ScreenshotAsync("assign-dialog-team");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_partner_user_in_the_team_finds_its_queue_on_the_partner_page_and_claims_a_task()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("partner@solartech.demo");
        await page.WaitForURLAsync("**/partner");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Assignee" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "My teams' tasks" }).ClickAsync();
        var row = page.Locator("[data-testid=task-table] tbody tr").Filter(new() { HasText = "Field service" });
        var name = (await row.Locator("[data-task] a").First.InnerTextAsync()).Trim();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Assign {name} to me" }).ClickAsync();

        await Assertions.Expect(row).ToContainTextAsync("Klaus Richter");
        await page.ScreenshotAsync("partner-team-queue-claimed");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Release {name} to its team" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Assign {name} to me" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_sees_the_teams_with_their_members_and_switches_round_robin()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("admin@workflows.demo");
        await page.WaitForURLAsync("**/admin");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Teams" }).ClickAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Teams" });
        await Assertions.Expect(table).ToContainTextAsync("Field service");
        await Assertions.Expect(table).ToContainTextAsync("Klaus Richter (SolarTech Montage GmbH)");
        await page.ScreenshotAsync("admin-teams");

        await page.GetByRole(AriaRole.Switch, new() { Name = "Round-robin for Field service" }).ClickAsync();
        await Assertions.Expect(page.GetByText("“Field service” now hands out new tasks round-robin.")).ToBeVisibleAsync();
        var teams = browser.App.Services.GetRequiredService<Workflows.Core.Teams.TeamAdministration>();
        Assert.True((await teams.GetAsync(DemoSeeder.FieldServiceTeamId, CancellationToken.None)).Value!.RoundRobin);
        await page.GetByRole(AriaRole.Switch, new() { Name = "Round-robin for Field service" }).ClickAsync();
        await Assertions.Expect(page.GetByText("“Field service” no longer hands out tasks; members claim them.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Field service" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-team-dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await page.Context.CloseAsync();
    }

    private async Task<ExecutionTask> FieldServiceTaskAsync()
    {
        var executions = browser.App.Services.GetRequiredService<FlowExecutionService>();
        foreach (var execution in await executions.ListForEntityAsync("contact-007", CancellationToken.None))
        {
            if (execution.Tasks.FirstOrDefault(t => t.Team == DemoSeeder.FieldServiceTeamId || t.AssigneeIds().Contains(DemoSeeder.FieldServiceTeamId)) is { } task)
            {
                return task;
            }
        }

        throw new InvalidOperationException("The demo seed has no field service task.");
    }
}
