using System.Diagnostics;
using Workflows.Bench.Reporting;
using Workflows.Core.Dashboard;
using Workflows.Core.Demo.Bulk;
using Workflows.Core.Flows;

namespace Workflows.Bench.Dashboard;

/// <summary>
/// Scenario <c>dashboard</c>: bulk-generates the data set (tasks over workflows of ten, users, partners), then times
/// the query shapes the dashboard, the partner page and the cards issue, server-side through <see cref="TaskSearch"/>.
/// Also reports the generator's speed, the file size and the process's memory with the data set loaded.
/// </summary>
public static class DashboardScenario
{
    private const double DefaultGoalMs = 10;
    private const double ShapeGoalMs = 50;

    private static readonly string[] SearchTerms = ["müller", "schmidt", "berlin", "yılmaz", "heat pump", "wagner", "köln", "offer"];

    /// <summary>Everyone's open tasks sorted by each column of the list, both directions in turn (ADR-024).</summary>
    private static IEnumerable<(string Name, Func<int, Task<int>> Run)> SortShapes(TaskSearch search, CancellationToken cancellationToken) =>
        new (string Column, TaskSort Ascending, TaskSort Descending)[]
        {
            ("task", TaskSort.Name, TaskSort.NameDescending),
            ("workflow", TaskSort.Workflow, TaskSort.WorkflowDescending),
            ("record", TaskSort.Record, TaskSort.RecordDescending),
            ("phase", TaskSort.Phase, TaskSort.PhaseDescending),
            ("status", TaskSort.Status, TaskSort.StatusDescending),
            ("last change", TaskSort.UpdatedAscending, TaskSort.UpdatedDescending),
            ("priority", TaskSort.PriorityDescending, TaskSort.Priority),
        }.Select(sort => ($"everyone's open tasks by {sort.Column}", (Func<int, Task<int>>)(async i =>
            (await search.SearchAsync(new TaskQuery { Sort = i % 2 == 0 ? sort.Ascending : sort.Descending, Page = i % 5 }, cancellationToken)).Total)));

    public static async Task<IReadOnlyList<BenchMetric>> RunAsync(BenchSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        await using var host = await CoreHost.StartAsync(settings, cancellationToken);
        var seeded = await host.Get<BulkSeeder>().SeedAsync(
            new BulkSeedOptions { Tasks = settings.DashboardTasks, Users = settings.DashboardUsers },
            new Progress<string>(line => log.WriteLine($"  seed-bulk: {line}")),
            cancellationToken);
        var size = $"{seeded.Tasks:N0} tasks, {seeded.Workflows:N0} workflows, {seeded.UserIds.Count:N0} users";
        List<BenchMetric> metrics =
        [
            new("dashboard", "generate data set", Math.Round(seeded.Elapsed.TotalSeconds, 1), null, "s", size),
            new("dashboard", "generator speed", Math.Round(seeded.Tasks / seeded.Elapsed.TotalSeconds), null, "tasks/s", "with task rows, assignee links, documents and events"),
        ];

        var search = host.Get<TaskSearch>();
        var attributeFilters = host.Get<RecordAttributeFilters>();
        var board = host.Get<TaskBoard>();
        var zone = host.Get<FlowSettings>().TimeZone;
        var now = DateTimeOffset.UtcNow;
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var dayStart = new DateTimeOffset(today, zone.GetUtcOffset(today));
        var weekStart = dayStart.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        string User(int i) => seeded.UserIds[i * 7919 % seeded.UserIds.Count];
        string Term(int i) => SearchTerms[i % SearchTerms.Length];

        (string Name, Func<int, Task<int>> Run)[] shapes =
        [
            ("default view (my open tasks)", async i => (await search.SearchAsync(new TaskQuery { AssigneeIds = [User(i)] }, cancellationToken)).Total),
            ("my overdue", async i => (await search.SearchAsync(new TaskQuery { AssigneeIds = [User(i)], Overdue = true }, cancellationToken)).Total),
            ("my tasks due this week", async i => (await search.SearchAsync(new TaskQuery { AssigneeIds = [User(i)], DueFrom = weekStart, DueTo = weekStart.AddDays(7) }, cancellationToken)).Total),
            ("my tasks, text search", async i => (await search.SearchAsync(new TaskQuery { AssigneeIds = [User(i)], Text = Term(i) }, cancellationToken)).Total),
            ("everyone's open tasks", async i => (await search.SearchAsync(new TaskQuery { Page = i % 5 }, cancellationToken)).Total),
            ("everyone's overdue", async i => (await search.SearchAsync(new TaskQuery { Overdue = true }, cancellationToken)).Total),
            ("by template", async i => (await search.SearchAsync(new TaskQuery { TemplateId = seeded.TemplateIds[i % seeded.TemplateIds.Count] }, cancellationToken)).Total),
            ("text search, everyone", async i => (await search.SearchAsync(new TaskQuery { Text = Term(i) }, cancellationToken)).Total),
            ("unassigned", async i => (await search.SearchAsync(new TaskQuery { Unassigned = true }, cancellationToken)).Total),
            ("partner view", async i =>
            {
                var p = i % seeded.PartnerIds.Count;
                return (await search.SearchAsync(new TaskQuery { AssigneeIds = [seeded.PartnerUserIds[p], seeded.PartnerIds[p]] }, cancellationToken)).Total;
            }),
            .. SortShapes(search, cancellationToken),
            ("everyone's critical open tasks (priority ≥ 75), highest first", async i =>
                (await search.SearchAsync(new TaskQuery { PriorityFrom = 75, Sort = TaskSort.PriorityDescending, Page = i % 5 }, cancellationToken)).Total),
            ("my open tasks by priority", async i =>
                (await search.SearchAsync(new TaskQuery { AssigneeIds = [User(i)], Sort = TaskSort.PriorityDescending }, cancellationToken)).Total),
            ("card counts (mine)", async i =>
            {
                var counts = await search.CountAsync(new TaskQuery { AssigneeIds = [User(i)] }, dayStart, dayStart.AddDays(1).AddTicks(-1), weekStart, cancellationToken);
                return counts.Open + counts.Overdue + counts.DueToday + counts.CompletedThisWeek;
            }),
            ("open tasks where the record's amount > X", async i =>
            {
                // The bulk records' filterable amount is 1,000 to 31,000: X from 30,650 selects about one record in a hundred.
                var query = await attributeFilters.ApplyAsync(new TaskQuery { EntitySchema = "opportunity" },
                    [new RecordAttributeFilter("amount", "greater_than", (30_650 + (i % 3 * 50)).ToString(System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
                return (await search.SearchAsync(query.Value ?? throw new InvalidOperationException(query.Error), cancellationToken)).Total;
            }),
            ("board (everyone, by status)", async i =>
                (await board.LoadAsync(new BoardQuery { Tasks = new TaskQuery() }, cancellationToken)).Columns.Sum(c => c.Total)),
            ("board (mine, by status)", async i =>
                (await board.LoadAsync(new BoardQuery { Tasks = new TaskQuery { AssigneeIds = [User(i)] } }, cancellationToken)).Columns.Sum(c => c.Total)),
            ("board show more (everyone, one column)", async i =>
                (await board.ColumnAsync(new BoardQuery { Tasks = new TaskQuery() }, i % 2 == 0 ? "PENDING" : "COMPLETED", 1 + (i % 4), cancellationToken)).Value!.Total),
        ];

        foreach (var (name, run) in shapes)
        {
            for (var i = 0; i < 3; i++)
            {
                await run(i);
            }

            var latencies = new Latencies();
            long found = 0;
            for (var i = 0; i < settings.DashboardRepeats; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var begun = Stopwatch.GetTimestamp();
                found += await run(i);
                latencies.Add(begun);
            }

            var goal = name.StartsWith("default", StringComparison.Ordinal) ? DefaultGoalMs : ShapeGoalMs;
            metrics.Add(new("dashboard", $"{name} p95", latencies.Percentile(95), goal, "ms",
                $"p50 {latencies.Percentile(50)} · p99 {latencies.Percentile(99)} · {found / settings.DashboardRepeats:N0} matches on average"));
            await log.WriteLineAsync($"  {name}: p95 {latencies.Percentile(95)} ms");
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        metrics.Add(new("memory", "process RSS with the data set loaded", Math.Round(process.WorkingSet64 / 1024.0 / 1024.0), null, "MB", $"after {shapes.Length * settings.DashboardRepeats} dashboard queries; managed heap {GC.GetTotalMemory(false) / 1024 / 1024} MB"));
        metrics.Add(new("memory", "database file", Math.Round(await host.DatabaseBytesAsync(cancellationToken) / 1024.0 / 1024.0), null, "MB", size));
        return metrics;
    }
}
