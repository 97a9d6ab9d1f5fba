namespace Workflows.Core.Dashboard;

/// <summary>The optional rows of a task board: none, or one per assignee, record or workflow.</summary>
public enum BoardLanes
{
    None,
    Assignee,
    Record,
    Workflow,
}
