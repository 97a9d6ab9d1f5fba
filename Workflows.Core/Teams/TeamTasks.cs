using System.Security.Claims;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Teams;

/// <summary>
/// A team member takes a task of their team ("Assign to me") or gives it back ("Release"), through the engine's
/// <see cref="Assign"/> so history, events and webhooks tell it like any assignment. A claimed task keeps its team
/// beside the member who has it: it stays in the team's queue as taken, and a release knows where it goes back to.
/// </summary>
public sealed class TeamTasks(FlowExecutionService executions, TeamAdministration teams)
{
    /// <summary>Whether a task with these assignees waits in one of <paramref name="myTeams"/>' queues for someone to take it.</summary>
    public static bool MayClaim(IReadOnlyCollection<string> assignedTo, IReadOnlyList<string> myTeams) =>
        assignedTo.Any(myTeams.Contains) && !assignedTo.Any(id => !RoundRobin.IsTeamId(id));

    /// <summary>
    /// Whether the user may give a task with these assignees back to its team: it is taken, and they have it, are in its
    /// team, or see everyone's tasks.
    /// </summary>
    public static bool MayRelease(IReadOnlyCollection<string> assignedTo, string userId, IReadOnlyList<string> myTeams, bool mayReleaseAnyones) =>
        assignedTo.Any(RoundRobin.IsTeamId) && assignedTo.Any(id => !RoundRobin.IsTeamId(id))
        && (assignedTo.Contains(userId) || assignedTo.Any(myTeams.Contains) || mayReleaseAnyones);

    /// <summary>Puts the user in front of the task's team; refused unless the task waits in a queue of a team the user is in.</summary>
    public async Task<Outcome<FlowExecution>> ClaimAsync(
        string executionId, string taskId, ClaimsPrincipal user, Actor actor, int? expectedVersion, CancellationToken cancellationToken)
    {
        var mine = await teams.TeamIdsOfAsync(actor.Id, cancellationToken);
        var names = await NamesAsync(cancellationToken);
        return await executions.ApplyPlannedAsync(
            executionId,
            execution => PlanClaim(execution, taskId, actor.Id, mine, names, TaskAccess.AssigneeScope(user)),
            actor, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// Gives the task back to its team (a round-robin team hands it on to its next member). Whoever has it, a member of
    /// the team, or someone who sees everyone's tasks may release it.
    /// </summary>
    public async Task<Outcome<FlowExecution>> ReleaseAsync(
        string executionId, string taskId, ClaimsPrincipal user, Actor actor, int? expectedVersion, CancellationToken cancellationToken)
    {
        var mine = await teams.TeamIdsOfAsync(actor.Id, cancellationToken);
        var names = await NamesAsync(cancellationToken);
        var anyone = TaskAccess.MayViewAnyone(user);
        return await executions.ApplyPlannedAsync(
            executionId,
            execution => PlanRelease(execution, taskId, actor.Id, mine, anyone, names, TaskAccess.AssigneeScope(user)),
            actor, expectedVersion, cancellationToken);
    }

    private static Outcome<IReadOnlyList<FlowCommand>> PlanClaim(
        FlowExecution execution, string taskId, string userId, IReadOnlyList<string> myTeams, IReadOnlyDictionary<string, string> names,
        IReadOnlyList<string>? scope)
    {
        var found = Find(execution, taskId, scope);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var task = found.Value;

        var assigned = task.AssigneeIds().ToList();
        var taskTeams = assigned.Where(RoundRobin.IsTeamId).Distinct().ToList();
        if (assigned.Contains(userId))
        {
            return Refusal.Conflict(RefusalText.Of("TaskAlreadyYours", task.Name));
        }

        if (taskTeams.Count == 0)
        {
            return Refusal.Invalid(RefusalText.Of("TaskNotForTeam", task.Name));
        }

        if (taskTeams.FirstOrDefault(myTeams.Contains) is not { } team)
        {
            var which = string.Join(", ", taskTeams.Select(t => RefusalText.Of("QuotedName", names.GetValueOrDefault(t, t))));
            return Refusal.Forbidden(RefusalText.Of("ClaimMembersOnly", which, task.Name));
        }

        if (!MayClaim(assigned, myTeams))
        {
            return Refusal.Conflict(RefusalText.Of("TaskTakenByOther", task.Name));
        }

        return Outcome<IReadOnlyList<FlowCommand>>.From([new Assign(FlowItemRef.Task(taskId), [Assignee.Of(userId), .. task.AssignedTo!]) { Team = team }]);
    }

    private static Outcome<IReadOnlyList<FlowCommand>> PlanRelease(
        FlowExecution execution, string taskId, string userId, IReadOnlyList<string> myTeams, bool mayReleaseAnyones,
        IReadOnlyDictionary<string, string> names, IReadOnlyList<string>? scope)
    {
        var found = Find(execution, taskId, scope);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var task = found.Value;

        var assigned = task.AssigneeIds().ToList();
        if (task.Team is not { } team || !assigned.Contains(team))
        {
            return Refusal.Invalid(RefusalText.Of("TaskNotFromTeam", task.Name));
        }

        if (!MayRelease(assigned, userId, myTeams, mayReleaseAnyones))
        {
            return Refusal.Forbidden(RefusalText.Of("ReleaseWhoMay", task.Name, names.GetValueOrDefault(team, team)));
        }

        var teamsOnly = task.AssignedTo!.Where(a => a.Id is { } id && RoundRobin.IsTeamId(id)).ToList();
        return Outcome<IReadOnlyList<FlowCommand>>.From([new Assign(FlowItemRef.Task(taskId), teamsOnly)]);
    }

    private static Outcome<ExecutionTask> Find(FlowExecution execution, string taskId, IReadOnlyList<string>? scope) =>
        TaskAccess.MayWork(execution, taskId, scope) is { } hidden ? hidden
        : execution.FindTask(taskId) is { } task ? task
        : Refusal.NotFound(RefusalText.Of("WorkflowHasNoTask", execution.Id, taskId));

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken) =>
        (await teams.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
}
