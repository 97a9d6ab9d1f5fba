using System.Security.Claims;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;

namespace Workflows.Core.Teams;

/// <summary>
/// A team member takes a task of their team ("Assign to me") or gives it back ("Release"), through the engine's
/// <see cref="Assign"/> so history, events and webhooks tell it like any assignment.
/// </summary>
public sealed class TeamTasks(FlowExecutionService executions, TeamAdministration teams)
{
    /// <summary>Replaces the task's team by the user; refused unless the task is assigned to a team the user is in.</summary>
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
    /// Gives the task back to the team it was claimed from (or handed out by); a round-robin team hands it on to its next
    /// member. The task's assignee, a member of that team, or someone who sees everyone's tasks may release it.
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

    internal static Outcome<IReadOnlyList<FlowCommand>> PlanClaim(
        FlowExecution execution, string taskId, string userId, IReadOnlyList<string> myTeams, IReadOnlyDictionary<string, string> names,
        IReadOnlyList<string>? scope)
    {
        if (TaskAccess.MayWork(execution, taskId, scope) is { } hidden)
        {
            return hidden;
        }

        if (execution.FindTask(taskId) is not { } task)
        {
            return Refusal.NotFound($"Workflow '{execution.Id}' has no task '{taskId}'.");
        }

        var taskTeams = task.AssigneeIds().Where(RoundRobin.IsTeamId).Distinct().ToList();
        if (taskTeams.Count == 0)
        {
            return task.AssigneeIds().Contains(userId)
                ? Refusal.Conflict($"'{task.Name}' is already assigned to you.")
                : Refusal.Invalid($"'{task.Name}' is not assigned to a team, so it cannot be claimed; ask whoever assigns it.");
        }

        if (taskTeams.FirstOrDefault(myTeams.Contains) is not { } team)
        {
            var which = string.Join(", ", taskTeams.Select(t => $"“{names.GetValueOrDefault(t, t)}”"));
            return Refusal.Forbidden($"Only members of {which} can claim '{task.Name}'; you are not one.");
        }

        var assignees = task.AssignedTo!
            .Where(a => !(a.Id is { } id && RoundRobin.IsTeamId(id)) && !a.Ids().Contains(userId))
            .Prepend(Assignee.Of(userId))
            .ToList();
        return Outcome<IReadOnlyList<FlowCommand>>.From([new Assign(FlowItemRef.Task(taskId), assignees) { Team = team }]);
    }

    internal static Outcome<IReadOnlyList<FlowCommand>> PlanRelease(
        FlowExecution execution, string taskId, string userId, IReadOnlyList<string> myTeams, bool mayReleaseAnyones,
        IReadOnlyDictionary<string, string> names, IReadOnlyList<string>? scope)
    {
        if (TaskAccess.MayWork(execution, taskId, scope) is { } hidden)
        {
            return hidden;
        }

        if (execution.FindTask(taskId) is not { } task)
        {
            return Refusal.NotFound($"Workflow '{execution.Id}' has no task '{taskId}'.");
        }

        if (task.Team is not { } team)
        {
            return Refusal.Invalid($"'{task.Name}' was not taken from a team, so there is no team to give it back to.");
        }

        if (!task.AssigneeIds().Contains(userId) && !myTeams.Contains(team) && !mayReleaseAnyones)
        {
            return Refusal.Forbidden($"Only whoever has '{task.Name}', a member of “{names.GetValueOrDefault(team, team)}” or a manager can release it.");
        }

        return Outcome<IReadOnlyList<FlowCommand>>.From([new Assign(FlowItemRef.Task(taskId), [Assignee.Of(team)])]);
    }

    private async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken) =>
        (await teams.ListAsync(cancellationToken)).ToDictionary(t => t.Id, t => t.Name);
}
