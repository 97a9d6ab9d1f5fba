namespace Workflows.Core.Dashboard;

/// <summary>
/// Orders of a task list. Tasks without a due date come last in both due-date orders. Like the other column sorts,
/// <see cref="PriorityDescending"/> (highest first) is the exact reverse of <see cref="Priority"/> (lowest first, soonest
/// due among equals).
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
