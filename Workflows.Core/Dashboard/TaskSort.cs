namespace Workflows.Core.Dashboard;

/// <summary>
/// Orders of a task list. Tasks without a due date come last in both due-date orders. <see cref="PriorityDescending"/>
/// is highest first and soonest due among equals; <see cref="Priority"/> is its exact reverse.
/// </summary>
public enum TaskSort
{
    DueDate,
    DueDateDescending,
    UpdatedDescending,
    Name,
    Workflow,
    NameDescending,
    WorkflowDescending,
    Status,
    StatusDescending,
    Record,
    RecordDescending,
    Phase,
    PhaseDescending,
    UpdatedAscending,
    Priority,
    PriorityDescending,
}
