namespace Workflows.Core.Dashboard;

/// <summary>One page of tasks and how many match in all.</summary>
public sealed record TaskListPage(int Total, int Page, int PageSize, IReadOnlyList<TaskListItem> Items)
{
    /// <summary>
    /// Counting stopped early: more than <see cref="Total"/> tasks match (a common word in a search over everyone's
    /// tasks; see <see cref="TaskSearch.CountLimit"/>). <see cref="Total"/> then always reaches past the next page.
    /// </summary>
    public bool TotalIsLowerBound { get; init; }
}
