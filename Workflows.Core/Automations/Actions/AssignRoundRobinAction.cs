using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Teams;

namespace Workflows.Core.Automations.Actions;

/// <summary>
/// Hands a task of the run's workflow (the one named, or the task that ran the automation) to the team's next member
/// who is not absent, with the team's own round-robin turn, whether or not the team hands out by itself. With every
/// member absent the task goes to the team's queue.
/// </summary>
internal sealed class AssignRoundRobinAction(IDbContextFactory<WorkflowsDbContext> databases, FlowExecutionService executions) : IActionHandler
{
    public AutomationActionType Type => AutomationActionType.AssignRoundRobin;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        if (context.Run.ExecutionId is not { } executionId || (action.TaskId ?? context.Run.TaskId) is not { } taskId)
        {
            throw new ActionSkippedException("This run has no workflow task to assign; name the task or run it from a workflow.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == action.TeamId, cancellationToken) is not { } team)
        {
            throw new ActionFailedException($"There is no team '{action.TeamId}'.");
        }

        var member = await RoundRobin.NextMemberAsync(db, team.Id, cancellationToken);
        var assign = member is null
            ? new Assign(FlowItemRef.Task(taskId), [Assignee.Of(team.Id)])
            : new Assign(FlowItemRef.Task(taskId), [Assignee.Of(member), Assignee.Of(team.Id)]) { Team = team.Id };
        var assigned = await executions.ApplyAsync(executionId, assign, context.Actor, null, cancellationToken);
        if (!assigned.Succeeded)
        {
            throw new ActionFailedException(assigned.Error!);
        }

        var name = member is null ? null : await db.Users.Where(u => u.Id == member).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var task = assigned.Value.FindTask(taskId)?.Name;
        return member is null
            ? $"Everyone in “{team.Name}” is absent; task \"{task}\" waits in the team's queue."
            : $"Task \"{task}\" assigned to {name} of “{team.Name}”.";
    }
}
