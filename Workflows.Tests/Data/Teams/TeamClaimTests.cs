using Microsoft.EntityFrameworkCore;
using Workflows.Core;
using Workflows.Core.Data;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Teams;

namespace Workflows.Tests.Data.Teams;

/// <summary>A member takes a task of their team and gives it back; others are refused with the reason.</summary>
public sealed class TeamClaimTests : IAsyncLifetime
{
    private TeamFixture app = default!;
    private string team = "";
    private FlowExecution execution = default!;
    private string mehmet = "";

    private TeamTasks Claims => app.Services.GetRequiredService<TeamTasks>();

    public async Task InitializeAsync()
    {
        app = await TeamFixture.StartAsync();
        team = await app.TeamAsync("Installers", roundRobin: false, "caseworker2@workflows.demo", "partner@solartech.demo");
        execution = await app.StartAsync(await app.TemplateForAsync(team));
        mehmet = await app.UserIdAsync("caseworker2@workflows.demo");
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_member_claims_the_task_it_is_theirs_in_front_of_the_team_and_the_history_tells()
    {
        var claimed = await Claims.ClaimAsync(execution.Id, "visit", await app.SignedAsync(mehmet, Roles.CaseWorker), new Actor(mehmet, "Mehmet Yılmaz"), null, CancellationToken.None);

        Assert.True(claimed.Succeeded, claimed.Error);
        var visit = claimed.Value.FindTask("visit")!;
        Assert.Equal([mehmet, team], visit.AssigneeIds());
        Assert.Equal(team, visit.Team);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        Assert.True(await db.FlowEvents.AnyAsync(e => e.ExecutionId == execution.Id && e.Type == nameof(FlowEventType.TaskAssigned) && e.ActorId == mehmet));
        Assert.True(await db.FlowTaskAssignees.AnyAsync(a => a.ExecutionId == execution.Id && a.TaskId == "visit" && a.AssigneeId == mehmet && a.IsOpen));
    }

    [Fact]
    public async Task A_task_someone_took_cannot_be_claimed_by_another_member_until_it_is_released()
    {
        var klaus = await app.UserIdAsync("partner@solartech.demo");
        await Claims.ClaimAsync(execution.Id, "visit", await app.SignedAsync(mehmet, Roles.CaseWorker), new Actor(mehmet, "Mehmet Yılmaz"), null, CancellationToken.None);

        var second = await Claims.ClaimAsync(execution.Id, "visit", await app.SignedAsync(klaus, Roles.Partner), new Actor(klaus, "Klaus Richter"), null, CancellationToken.None);

        Assert.Equal(RefusalKind.Conflict, second.Refusal!.Kind);
        Assert.Contains("already taken", second.Error);
    }

    [Fact]
    public async Task Someone_outside_the_team_is_refused_with_the_team_named_and_nothing_changes()
    {
        var lena = await app.UserIdAsync("caseworker@workflows.demo");

        var refused = await Claims.ClaimAsync(execution.Id, "visit", await app.SignedAsync(lena, Roles.CaseWorker), new Actor(lena, "Lena Schmidt"), null, CancellationToken.None);

        Assert.False(refused.Succeeded);
        Assert.Equal(RefusalKind.Forbidden, refused.Refusal.Kind);
        Assert.Contains("“Installers”", refused.Error);
        Assert.Equal([team], (await app.Executions.GetAsync(execution.Id, CancellationToken.None))!.FindTask("visit")!.AssigneeIds());
    }

    [Fact]
    public async Task A_partner_user_in_the_team_may_claim_it_and_a_partner_outside_hears_not_found()
    {
        var klaus = await app.UserIdAsync("partner@solartech.demo");
        var eva = await app.UserIdAsync("partner@messdienst.demo");

        var outside = await Claims.ClaimAsync(execution.Id, "visit", await app.SignedAsync(eva, Roles.Partner), new Actor(eva, "Eva Krüger"), null, CancellationToken.None);
        var member = await Claims.ClaimAsync(execution.Id, "visit", await app.SignedAsync(klaus, Roles.Partner), new Actor(klaus, "Klaus Richter"), null, CancellationToken.None);

        Assert.Equal(RefusalKind.NotFound, outside.Refusal!.Kind);
        Assert.True(member.Succeeded, member.Error);
        Assert.Equal([klaus, team], member.Value.FindTask("visit")!.AssigneeIds());
    }

    [Fact]
    public async Task Release_gives_the_task_back_to_the_team_it_was_claimed_from()
    {
        var user = await app.SignedAsync(mehmet, Roles.CaseWorker);
        var actor = new Actor(mehmet, "Mehmet Yılmaz");
        await Claims.ClaimAsync(execution.Id, "visit", user, actor, null, CancellationToken.None);

        var released = await Claims.ReleaseAsync(execution.Id, "visit", user, actor, null, CancellationToken.None);

        Assert.True(released.Succeeded, released.Error);
        Assert.Equal([team], released.Value.FindTask("visit")!.AssigneeIds());
        Assert.Null(released.Value.FindTask("visit")!.Team);
    }

    [Fact]
    public async Task A_task_that_came_from_no_team_cannot_be_released_nor_claimed()
    {
        var user = await app.SignedAsync(mehmet, Roles.CaseWorker);
        var actor = new Actor(mehmet, "Mehmet Yılmaz");
        await app.Executions.ApplyAsync(execution.Id, new Assign(FlowItemRef.Task("visit"), [Assignee.Of("someone")]), TeamFixture.Lena, null, CancellationToken.None);

        var release = await Claims.ReleaseAsync(execution.Id, "visit", user, actor, null, CancellationToken.None);
        var claim = await Claims.ClaimAsync(execution.Id, "visit", user, actor, null, CancellationToken.None);

        Assert.Equal(RefusalKind.Invalid, release.Refusal!.Kind);
        Assert.Contains("not taken from a team", release.Error);
        Assert.Equal(RefusalKind.Invalid, claim.Refusal!.Kind);
        Assert.Contains("not assigned to a team", claim.Error);
    }

    [Fact]
    public async Task A_team_gets_an_id_from_its_name_a_second_of_that_name_is_refused_and_it_is_not_deleted_while_it_has_open_tasks()
    {
        var duplicate = await app.Teams.CreateAsync(new TeamChange("installers", false, []), CancellationToken.None);
        var unknownMember = await app.Teams.CreateAsync(new TeamChange("Planners", false, ["nobody"]), CancellationToken.None);
        var umlaut = await app.Teams.CreateAsync(new TeamChange("Küche & Bad", true, []), CancellationToken.None);
        var delete = await app.Teams.DeleteAsync(team, CancellationToken.None);

        Assert.Equal("team-installers", team);
        Assert.Equal(RefusalKind.Conflict, duplicate.Refusal!.Kind);
        Assert.Equal(RefusalKind.Invalid, unknownMember.Refusal!.Kind);
        Assert.Equal("team-kuche-bad", umlaut.Value!.Id);
        Assert.Equal(RefusalKind.Conflict, delete.Refusal!.Kind);
        Assert.Contains("2 open tasks", delete.Error);
        Assert.True((await app.Teams.DeleteAsync(umlaut.Value.Id, CancellationToken.None)).Succeeded);
    }
}
