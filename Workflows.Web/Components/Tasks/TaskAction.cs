using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;

namespace Workflows.Web.Components.Tasks;

/// <summary>What a person asked of a task in the sidebar: a command to apply, or a dialog to open first.</summary>
public sealed record TaskAction(FlowExecution Execution, ExecutionTask Task, TaskActionKind Kind, FlowCommand? Command = null);

public enum TaskActionKind
{
    Apply,
    Reopen,
    Assign,
    DueDate,
    AddTaskAfter,
    RunAutomation,
    OpenJourney,
    ShareJourneyLink,
    Notes,
    Priority,
    FollowUp,
}
