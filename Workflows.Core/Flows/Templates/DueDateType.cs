namespace Workflows.Core.Flows.Templates;

/// <summary>What a dynamic due date counts from.</summary>
public enum DueDateType
{
    WORKFLOW_STARTED,
    TASK_FINISHED,
    PHASE_FINISHED,
    A_PRECEDING_TASK_COMPLETED,
    ALL_PRECEDING_TASKS_COMPLETED,
}
