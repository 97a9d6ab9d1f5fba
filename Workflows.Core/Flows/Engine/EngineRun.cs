using Workflows.Core.Flows.Executions;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// One command against one execution: checks, applies and then settles the derived state (see <see cref="Settlement"/>).
/// Checks come before any change, so a refused command leaves the execution untouched.
/// </summary>
internal sealed partial class EngineRun
{
    private readonly FlowExecution execution;
    private readonly EngineContext context;
    private readonly ExecutionEdit edit;

    // Rebuilt when a command adds a task.
    private FlowGraph graph;

    public EngineRun(FlowExecution execution, EngineContext context)
    {
        this.execution = execution;
        this.context = context;
        edit = new ExecutionEdit(execution, context);
        graph = new FlowGraph(execution);
    }

    private DateTimeOffset Now => context.Now;

    private string ActorId => context.Actor.UserId;

    public FlowResult Start()
    {
        edit.Emit(FlowEventType.FlowStarted, new HistoryLine("FlowStarted", context.Actor.DisplayName, execution.Name));
        foreach (var task in execution.Tasks)
        {
            edit.ChangedTaskIds.Add(task.Id);
        }

        new Settlement(edit, graph, starting: true).Run();
        execution.Version = 1;
        return FlowResult.Ok(execution, edit.Events, edit.ChangedTaskIds);
    }

    public FlowResult Apply(FlowCommand command)
    {
        if (execution.Deleted)
        {
            return FlowResult.Fail(FlowError.NotFound(RefusalText.Of("WorkflowDeleted", execution.Name)));
        }

        var error = command switch
        {
            SetTaskStatus c => SetStatus(c),
            ChooseDecisionBranch c => ChooseBranch(c),
            SetDueDate c => SetDueDate(c),
            Assign c => Assign(c),
            AddManualTask c => AddTask(c),
            CloseFlow c => Close(c),
            ReopenFlow => Reopen(),
            DeleteFlow c => Delete(c),
            AutomationStarted c => AutomationStarted(c),
            AutomationCompleted c => AutomationCompleted(c),
            AutomationFailed c => AutomationFailed(c),
            RetryTask c => Retry(c),
            CancelSchedule c => CancelSchedule(c),
            SetPriority c => SetPriority(c),
            SetFollowUp c => SetFollowUp(c),
            _ => FlowError.Invalid(RefusalText.Of("UnknownCommand", command.GetType().Name)),
        };
        if (error is not null)
        {
            return FlowResult.Fail(error);
        }

        if (!execution.Deleted)
        {
            new Settlement(edit, graph, starting: false).Run();
        }

        execution.Version++;
        execution.UpdatedAt = Now;
        return FlowResult.Ok(execution, edit.Events, edit.ChangedTaskIds);
    }

    /// <summary>A status inside a sentence ("'Offer' is already completed"), one text per status.</summary>
    private static string Word(StepStatus status) => RefusalText.Of("StatusWord_" + status);
}
