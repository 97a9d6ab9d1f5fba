namespace Workflows.Core.Dashboard;

/// <summary>The numbers on the dashboard's cards and charts, for the tasks of the current assignee scope.</summary>
public sealed record DashboardSummary(
    int Open,
    int Overdue,
    int DueToday,
    int CompletedThisWeek,
    IReadOnlyList<(string AssigneeId, int Open)> OpenPerAssignee,
    IReadOnlyList<(DateOnly Day, int Overdue)> OverduePerDay,
    IReadOnlyList<(DateOnly WeekStart, int Completed)> CompletedPerWeek);
