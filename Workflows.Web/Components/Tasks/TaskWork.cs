using MudBlazor;
using Workflows.Core.Automations;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Notes;
using Workflows.Web.Components.Shared;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Tasks;

/// <summary>
/// What a task worker's action does, the same on the record sidebar and on a partner's task page: apply a command the
/// task offers, reopen it, run its automation, open its notes, run or share its journey. Managing a task (assignees,
/// due date, a task after it) stays with the sidebar, whose users may manage workflows.
/// </summary>
public sealed class TaskWork(
    FlowExecutionService executions, AutomationTaskRunner automations, IDialogService dialogs, ISnackbar snackbar, IBrowserViewportService viewport)
{
    /// <summary>The kinds of <see cref="TaskAction"/> this handles.</summary>
    public static bool Handles(TaskActionKind kind) =>
        kind is not (TaskActionKind.Assign or TaskActionKind.DueDate or TaskActionKind.AddTaskAfter or TaskActionKind.Priority or TaskActionKind.FollowUp);

    /// <summary>Carries the action out; true when it may have changed the workflow (a journey also the record), so the page reads them again.</summary>
    /// <param name="busy">Called with true while the server works, and false after.</param>
    public async Task<bool> HandleAsync(TaskAction action, string entityId, Actor actor, string link, Action<bool> busy)
    {
        var (execution, task) = (action.Execution, action.Task);
        switch (action.Kind)
        {
            case TaskActionKind.Apply:
                await ApplyAsync(execution, action.Command!, actor, TaskPresentation.SuccessText(action.Command!, task.Name), busy);
                return true;
            case TaskActionKind.Reopen:
                if (await dialogs.AskReopenAsync(task.Name) is not { } revert)
                {
                    return false;
                }

                await ApplyAsync(execution, new SetTaskStatus(task.Id, StepStatus.PENDING, revert), actor, Languages.Text<TaskText>("TaskReopened", task.Name), busy);
                return true;
            case TaskActionKind.RunAutomation:
                busy(true);
                var run = await automations.RunAsync(execution.Id, task.Id, actor, execution.Version, CancellationToken.None);
                busy(false);
                snackbar.Report(run, Languages.Text<TaskText>("AutomationStarted", task.Name));
                return true;
            case TaskActionKind.Notes:
                await dialogs.ShowNotesAsync(new NoteTarget(entityId, execution.Id, task.Id), task.Name, link);
                return false;
            case TaskActionKind.OpenJourney:
                return await OpenJourneyAsync(execution, task, entityId, actor);
            case TaskActionKind.ShareJourneyLink:
                await dialogs.ShareJourneyLinkAsync(execution, task, entityId, actor);
                return false;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "Managing a task is the sidebar's.");
        }
    }

    /// <summary>Applies a command based on the version shown, and says how it went.</summary>
    public async Task ApplyAsync(FlowExecution execution, FlowCommand command, Actor actor, string success, Action<bool> busy)
    {
        busy(true);
        var outcome = await executions.ApplyAsync(execution.Id, command, actor, execution.Version, CancellationToken.None);
        busy(false);
        snackbar.Report(outcome, success);
    }

    private async Task<bool> OpenJourneyAsync(FlowExecution execution, ExecutionTask task, string entityId, Actor actor)
    {
        var small = await viewport.GetCurrentBreakpointAsync() is Breakpoint.Xs or Breakpoint.Sm;
        if (await dialogs.RunJourneyAsync(execution, task, entityId, actor, fullScreen: small) is not { } result)
        {
            return false;
        }

        var journey = result.Submission.JourneyName;
        var started = string.Join(", ", result.StartedWorkflows);
        var message = (result.TaskCompleted, result.StartedWorkflows.Count > 0) switch
        {
            (true, true) => Languages.Text<TaskText>("JourneySubmittedTaskDoneStarted", journey, task.Name, started),
            (true, false) => Languages.Text<TaskText>("JourneySubmittedTaskDone", journey, task.Name),
            (false, true) => Languages.Text<TaskText>("JourneySubmittedStarted", journey, started),
            _ => Languages.Text<TaskText>("JourneySubmitted", journey),
        };
        snackbar.Add(message, Severity.Success);
        foreach (var problem in result.StartProblems)
        {
            snackbar.Add(problem, Severity.Warning);
        }

        return true;
    }
}
