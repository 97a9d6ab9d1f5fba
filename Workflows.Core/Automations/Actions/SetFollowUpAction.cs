using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Automations.Actions;

/// <summary>
/// Puts a task of the workflow that ran the automation on follow-up (<see cref="TaskFollowUp"/>) a number of days from
/// today in the tenant's calendar, or clears its follow-up date (0 days): the task named by the action, or else the
/// task that ran it. The engine judges it as it judges a person's change, and writes the same history line.
/// </summary>
internal sealed class SetFollowUpAction(FlowExecutionService executions, FlowSettings settings, TimeProvider clock) : IActionHandler
{
    public AutomationActionType Type => AutomationActionType.SetFollowUp;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        if (context.Run.ExecutionId is not { } executionId || (action.TaskId ?? context.Run.TaskId) is not { } taskId)
        {
            throw new ActionSkippedException("This run was not started by a workflow task; there is no task to follow up on.");
        }

        var days = action.FollowUpDays ?? 0;
        DateOnly? day = days == 0 ? null : settings.Calendar.DayOf(clock.GetUtcNow()).AddDays(days);
        var set = await executions.ApplyAsync(executionId, new SetFollowUp(taskId, day), context.Actor, null, cancellationToken);
        if (!set.Succeeded)
        {
            throw new ActionFailedException(set.Error!);
        }

        var name = set.Value.FindTask(taskId)?.Name;
        return day is { } on ? $"\"{name}\" follows up on {on:yyyy-MM-dd}." : $"Follow-up date of \"{name}\" cleared.";
    }
}
