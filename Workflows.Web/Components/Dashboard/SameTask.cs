using Workflows.Core.Dashboard;

namespace Workflows.Web.Components.Dashboard;

/// <summary>
/// Two list rows are the same task when they name the same task of the same execution: a reload returns new rows
/// (whose record equality also compares their assignee lists by reference), and a selection must survive it.
/// </summary>
internal sealed class SameTask : IEqualityComparer<TaskListItem>
{
    public static readonly SameTask Instance = new();

    public bool Equals(TaskListItem? x, TaskListItem? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.ExecutionId == y.ExecutionId && x.TaskId == y.TaskId);

    public int GetHashCode(TaskListItem item) => HashCode.Combine(item.ExecutionId, item.TaskId);
}
