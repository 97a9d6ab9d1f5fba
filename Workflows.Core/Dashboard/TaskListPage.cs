namespace Workflows.Core.Dashboard;

/// <summary>One page of tasks and how many match in all.</summary>
public sealed record TaskListPage(int Total, int Page, int PageSize, IReadOnlyList<TaskListItem> Items);
