namespace Workflows.Core.Dashboard;

/// <summary>What a task board's columns are: task statuses, or phase names.</summary>
public enum BoardGrouping
{
    Status,
    Phase,
}
