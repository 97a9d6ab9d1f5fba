using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Storage;

namespace Workflows.Core.Dashboard;

/// <summary>
/// Counts for the dashboard's cards and charts, over the same flattened task tables as the list, scoped to a set of
/// assignees (or everyone). Each number is one indexed query.
/// </summary>
public sealed class DashboardStats(IDbContextFactory<WorkflowsDbContext> dbFactory, TaskSearch search, TimeProvider clock)
{
    public async Task<DashboardSummary> SummarizeAsync(IReadOnlyList<string> assigneeIds, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = new TenantCalendar(zone);
        var today = calendar.DayOf(now);
        var todayStart = calendar.StartOf(today);
        var tomorrowStart = calendar.StartOf(today.AddDays(1));
        var weekStart = calendar.StartOf(TenantCalendar.WeekStart(today));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // The cards are the task list's own counts, served by the same indexes as the list.
        var (open, overdue, dueToday, completedThisWeek) = await search.CountAsync(
            new TaskQuery { AssigneeIds = assigneeIds }, todayStart, tomorrowStart.AddTicks(-1), weekStart, cancellationToken);
        var tasks = Scope(db, assigneeIds);

        var links = db.FlowTaskAssignees.AsNoTracking().Where(a => a.IsOpen);
        if (assigneeIds.Count > 0)
        {
            links = links.Where(a => assigneeIds.Contains(a.AssigneeId));
        }

        var perAssignee = (await links.GroupBy(a => a.AssigneeId)
                .Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count)
                .Take(12)
                .ToListAsync(cancellationToken))
            .ConvertAll(g => (g.Key, g.Count));

        // A task was overdue on a day when it was due before that day ended and not finished by then.
        var windowStart = calendar.StartOf(today.AddDays(-29));
        var late = await tasks
            .Where(t => t.DueAt != null && t.DueAt < now && (t.FinishedAt == null || t.FinishedAt > t.DueAt) && (t.FinishedAt == null || t.FinishedAt >= windowStart))
            .Select(t => new { t.DueAt, t.FinishedAt })
            .ToListAsync(cancellationToken);
        var perDay = Enumerable.Range(0, 30).Select(offset =>
        {
            var day = today.AddDays(offset - 29);
            var end = calendar.StartOf(day.AddDays(1));
            return (day, late.Count(t => t.DueAt < end && (t.FinishedAt is null || t.FinishedAt >= end)));
        }).ToList();

        var firstWeek = TenantCalendar.WeekStart(today).AddDays(-7 * 7);
        var eightWeeksAgo = calendar.StartOf(firstWeek);
        var finished = await tasks
            .Where(t => t.Status == "COMPLETED" && t.FinishedAt >= eightWeeksAgo)
            .Select(t => t.FinishedAt!.Value)
            .ToListAsync(cancellationToken);
        var perWeek = Enumerable.Range(0, 8).Select(week =>
        {
            var from = firstWeek.AddDays(7 * week);
            var (start, end) = (calendar.StartOf(from), calendar.StartOf(from.AddDays(7)));
            return (from, finished.Count(f => f >= start && f < end));
        }).ToList();

        return new DashboardSummary(open, overdue, dueToday, completedThisWeek, perAssignee, perDay, perWeek);
    }

    private static IQueryable<TaskRow> Scope(WorkflowsDbContext db, IReadOnlyList<string> assigneeIds)
    {
        var tasks = db.FlowTasks.AsNoTracking();
        if (assigneeIds.Count == 0)
        {
            return tasks;
        }

        var keys = db.FlowTaskAssignees.AsNoTracking().Where(a => assigneeIds.Contains(a.AssigneeId));
        return tasks.Where(t => keys.Any(a => a.ExecutionId == t.ExecutionId && a.TaskId == t.TaskId));
    }
}
