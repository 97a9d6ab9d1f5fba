using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Teams;
using Workflows.Tests.Infrastructure;
using Workflows.Web.Components.Dashboard;

namespace Workflows.Tests.Components.Dashboard;

/// <summary>A field service member's team queue on the dashboard, against the real services on the seeded demo.</summary>
public sealed class TeamQueueTests : MudTestContext, IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private ServiceProvider core = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        core = await CoreServices.BuildSeededAsync(database);
        foreach (var type in TaskListViewTests.DashboardServices)
        {
            Services.AddSingleton(type, core.GetRequiredService(type));
        }

        await using var users = core.CreateAsyncScope();
        var mehmet = (await users.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("caseworker2@workflows.demo"))!;
        var teams = await core.GetRequiredService<TeamAdministration>().TeamIdsOfAsync(mehmet.Id, CancellationToken.None);
        AddAuthorization().SetAuthorized(mehmet.Email!).SetRoles(Roles.CaseWorker).SetClaims(
            [new Claim(ClaimTypes.NameIdentifier, mehmet.Id), new Claim(UserClaims.DisplayName, mehmet.DisplayName), .. teams.Select(t => new Claim(UserClaims.TeamId, t))]);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await core.DisposeAsync();
        database.Dispose();
    }

    private IRenderedComponent<TaskListView> RenderQueue()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/dashboard?assignee=teams");
        Render<MudPopoverProvider>();
        return Render<TaskListView>(p => p.Add(v => v.BasePath, "/dashboard").Add(v => v.Title, "Workflow dashboard"));
    }

    [Fact]
    public void The_queue_lists_the_teams_tasks_and_only_an_unclaimed_one_offers_Assign_to_me()
    {
        var dashboard = RenderQueue();

        dashboard.WaitForAssertion(() => Assert.Equal(2, dashboard.FindAll("[data-testid=task-table] tbody tr [data-task]").Count));
        var rows = dashboard.FindAll("[data-testid=task-table] tbody tr");
        var fieldService = rows.Single(r => r.TextContent.Contains("Field service", StringComparison.Ordinal));
        var backOffice = rows.Single(r => r.TextContent.Contains("Back office", StringComparison.Ordinal));
        Assert.Contains("Assign to me", fieldService.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Release", fieldService.TextContent, StringComparison.Ordinal);
        // Round-robin handed the back office task to a member at start: taken, so a member may release it, not claim it.
        Assert.DoesNotContain("Assign to me", backOffice.TextContent, StringComparison.Ordinal);
        Assert.Contains("Release", backOffice.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_to_me_makes_the_task_the_members_and_the_row_then_offers_Release()
    {
        var dashboard = RenderQueue();
        dashboard.WaitForAssertion(() => Assert.NotEmpty(dashboard.FindAll("button[aria-label$=' to me']")));

        dashboard.Find("button[aria-label$=' to me']").Click();

        dashboard.WaitForAssertion(() =>
        {
            var row = dashboard.FindAll("[data-testid=task-table] tbody tr").Single(r => r.TextContent.Contains("Field service", StringComparison.Ordinal));
            Assert.Contains("Mehmet Yılmaz, Field service", row.TextContent, StringComparison.Ordinal);
            Assert.Contains("Release", row.TextContent, StringComparison.Ordinal);
        });
        Assert.Empty(dashboard.FindAll("button[aria-label$=' to me']"));
    }
}
