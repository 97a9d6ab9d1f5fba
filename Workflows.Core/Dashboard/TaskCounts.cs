namespace Workflows.Core.Dashboard;

/// <summary>The numbers on the dashboard's summary cards.</summary>
public sealed record TaskCounts(int Open, int Overdue, int DueToday, int CompletedThisWeek);
