namespace Workflows.Core.Dashboard;

/// <summary>Which tasks by state: open ones (the default), finished ones, all, or exactly one status.</summary>
public enum TaskStatusFilter
{
    Open,
    Finished,
    All,
    Exactly,
}
