namespace Workflows.Core.Dashboard;

/// <summary>Orders of a task list. Tasks without a due date come last in both due-date orders.</summary>
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
}
