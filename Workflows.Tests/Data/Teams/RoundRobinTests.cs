using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations;
using Workflows.Core.Automations.Actions;
using Workflows.Core.Data;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data.Teams;

/// <summary>A round-robin team hands each task it gets to its next member who is present (kept beside the team), on a real database.</summary>
public sealed class RoundRobinTests : IAsyncLifetime
{
    private TeamFixture app = default!;

    public async Task InitializeAsync() => app = await TeamFixture.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Nine_workflows_give_each_of_three_members_three_first_tasks_in_turn()
    {
        var team = await app.TeamAsync("Installers", roundRobin: true, "caseworker@workflows.demo", "caseworker2@workflows.demo", "manager@workflows.demo");
        var template = await app.TemplateForAsync(team);

        var owners = new List<string>();
        for (var i = 0; i < 9; i++)
        {
            var visit = (await app.StartAsync(template)).FindTask("visit")!;
            Assert.Equal(team, visit.Team);
            Assert.Equal(team, visit.AssigneeIds().Last());
            owners.Add(visit.AssigneeIds().First());
        }

        var members = (await app.Teams.GetAsync(team, CancellationToken.None)).Value!.MemberIds;
        Assert.All(members, member => Assert.Equal(3, owners.Count(o => o == member)));
        Assert.Equal(members.Concat(members).Concat(members), owners);
    }

    [Fact]
    public async Task An_absent_member_is_skipped_and_gets_tasks_again_once_back()
    {
        var team = await app.TeamAsync("Installers", roundRobin: true, "caseworker@workflows.demo", "caseworker2@workflows.demo", "manager@workflows.demo");
        var template = await app.TemplateForAsync(team);
        var absent = await app.UserIdAsync("caseworker2@workflows.demo");
        var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdministration>();
        Assert.True((await users.SetAbsentAsync(absent, true, CancellationToken.None)).Succeeded);

        var whileAway = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            whileAway.Add((await app.StartAsync(template)).FindTask("visit")!.AssigneeIds().First());
        }

        await users.SetAbsentAsync(absent, false, CancellationToken.None);
        var afterwards = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            afterwards.Add((await app.StartAsync(template)).FindTask("visit")!.AssigneeIds().First());
        }

        Assert.DoesNotContain(absent, whileAway);
        Assert.Equal(2, whileAway.Distinct().Count());
        Assert.All(whileAway.Distinct(), present => Assert.Equal(3, whileAway.Count(o => o == present)));
        Assert.Contains(absent, afterwards);
    }

    [Fact]
    public async Task When_every_member_is_absent_the_task_stays_with_the_team()
    {
        var team = await app.TeamAsync("Night shift", roundRobin: true, "caseworker2@workflows.demo");
        var template = await app.TemplateForAsync(team);
        var users = app.Services.CreateScope().ServiceProvider.GetRequiredService<UserAdministration>();
        await users.SetAbsentAsync(await app.UserIdAsync("caseworker2@workflows.demo"), true, CancellationToken.None);

        var visit = (await app.StartAsync(template)).FindTask("visit")!;

        Assert.Equal([team], visit.AssigneeIds());
        Assert.Null(visit.Team);
    }

    [Fact]
    public async Task A_task_reached_later_is_handed_out_when_it_is_reached_and_the_history_says_so()
    {
        var team = await app.TeamAsync("Installers", roundRobin: true, "caseworker@workflows.demo", "caseworker2@workflows.demo");
        var template = await app.TemplateForAsync(team);
        var execution = await app.StartAsync(template);
        Assert.Equal([team], execution.FindTask("report")!.AssigneeIds());

        var done = await app.Executions.ApplyAsync(execution.Id, new SetTaskStatus("visit", StepStatus.COMPLETED), TeamFixture.Lena, null, CancellationToken.None);

        var report = done.Value!.FindTask("report")!;
        Assert.Equal(team, report.Team);
        Assert.NotEqual(execution.FindTask("visit")!.AssigneeIds().First(), report.AssigneeIds().First());
        Assert.Equal(team, report.AssigneeIds().Last());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var assigned = await db.FlowEvents.Where(e => e.ExecutionId == execution.Id && e.Type == nameof(FlowEventType.TaskAssigned)).ToListAsync();
        Assert.Equal(2, assigned.Count);
        Assert.All(assigned, e => Assert.Equal("Round-robin", e.ActorName));
    }

    [Fact]
    public async Task Parallel_starts_never_hand_out_by_the_same_turn()
    {
        var team = await app.TeamAsync("Installers", roundRobin: true, "caseworker@workflows.demo", "caseworker2@workflows.demo", "manager@workflows.demo");
        var template = await app.TemplateForAsync(team);

        var started = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => app.StartAsync(template))));

        var owners = started.Select(e => e.FindTask("visit")!.AssigneeIds().First()).ToList();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        var cursor = await db.Teams.Where(t => t.Id == team).Select(t => t.Cursor).SingleAsync();
        Assert.Equal(30, cursor);
        Assert.Equal(3, owners.Distinct().Count());
        Assert.All(owners.Distinct(), member => Assert.Equal(10, owners.Count(o => o == member)));
    }

    [Fact]
    public async Task The_automation_action_hands_a_task_to_the_next_member_of_a_team_that_does_not_hand_out_by_itself()
    {
        var team = await app.TeamAsync("Installers", roundRobin: false, "caseworker@workflows.demo", "caseworker2@workflows.demo");
        var execution = await app.StartAsync(await app.TemplateForAsync(team));
        var action = app.Services.GetServices<IActionHandler>().Single(h => h.Type == AutomationActionType.AssignRoundRobin);
        var run = new AutomationRun { Id = "run-1", AutomationId = "auto-1", ExecutionId = execution.Id, TaskId = "visit" };
        var context = new ActionContext(run, new TemplateScope(), new Actor("automation:auto-1", "Automation \"Hand out\""));

        var first = await action.RunAsync(new AutomationAction { Type = AutomationActionType.AssignRoundRobin, TeamId = team }, context, CancellationToken.None);
        var second = await action.RunAsync(new AutomationAction { Type = AutomationActionType.AssignRoundRobin, TeamId = team, TaskId = "report" }, context, CancellationToken.None);
        var missing = await Assert.ThrowsAsync<ActionFailedException>(() =>
            action.RunAsync(new AutomationAction { Type = AutomationActionType.AssignRoundRobin, TeamId = "team-nope" }, context, CancellationToken.None));

        var after = (await app.Executions.GetAsync(execution.Id, CancellationToken.None))!;
        Assert.Contains("of “Installers”", first);
        Assert.Contains("\"Write the report\"", second);
        Assert.NotEqual(after.FindTask("visit")!.AssigneeIds().First(), after.FindTask("report")!.AssigneeIds().First());
        Assert.Equal(team, after.FindTask("report")!.Team);
        Assert.Contains("no team 'team-nope'", missing.Message);
    }
}
