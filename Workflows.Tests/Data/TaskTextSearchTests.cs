using Microsoft.EntityFrameworkCore;
using Workflows.Core.Dashboard;
using Workflows.Core.Demo.Bulk;
using Workflows.Core.Flows.Storage;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// Text search over everyone's tasks on bulk-generated data, large enough that common words match more than
/// <see cref="TaskSearch.CountLimit"/> open tasks: every answer must be the page a plain scan of the task rows gives,
/// whichever way the search reads it (the trigram index's matches, or the due-date index tested row by row).
/// </summary>
public sealed class TaskTextSearchTests(TaskTextSearchTests.BulkData data) : IClassFixture<TaskTextSearchTests.BulkData>
{
    private TempDatabase database => data.Database;

    private BulkSeedResult seeded => data.Seeded;

    private TaskSearch Search => data.Services.GetRequiredService<TaskSearch>();

    /// <summary>20,000 bulk-generated tasks, seeded once for the class: the searches only read.</summary>
    public sealed class BulkData : IAsyncLifetime, IDisposable
    {
        public TempDatabase Database { get; } = new();

        public ServiceProvider Services { get; private set; } = default!;

        public BulkSeedResult Seeded { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Services = CoreServices.Build(Database);
            Seeded = await BulkTestData.SeedAsync(Database, Services, new BulkSeedOptions { Tasks = 20_000, Users = 20, Partners = 3, Templates = 20 });
        }

        public async Task DisposeAsync() => await Services.DisposeAsync();

        public void Dispose() => Database.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(40)]
    public async Task A_common_word_gives_the_page_of_a_plain_scan_and_a_total_that_says_there_are_more(int page)
    {
        var (count, expected) = await ScanAsync(t => t.IsOpen, "offer", page);

        var found = await Search.SearchAsync(new TaskQuery { Text = "Offer", Page = page }, CancellationToken.None);

        Assert.True(count > TaskSearch.CountLimit, $"the data set should make 'offer' common, it matches {count}");
        Assert.Equal(expected, Keys(found));
        if (count > Math.Max(TaskSearch.CountLimit, (page + 2) * found.PageSize))
        {
            Assert.True(found.TotalIsLowerBound);
            Assert.InRange(found.Total, Math.Max(TaskSearch.CountLimit, (page + 1) * found.PageSize + 1), count - 1);
        }
        else
        {
            Assert.False(found.TotalIsLowerBound);
            Assert.Equal(count, found.Total);
        }
    }

    [Fact]
    public async Task A_rare_term_is_counted_exactly_with_the_page_of_a_plain_scan()
    {
        var term = await RareTermAsync();
        var (count, expected) = await ScanAsync(t => t.IsOpen, term, 0, 20);

        var found = await Search.SearchAsync(new TaskQuery { Text = term.ToUpperInvariant(), PageSize = 20 }, CancellationToken.None);

        Assert.InRange(count, 21, TaskSearch.CountLimit);
        Assert.False(found.TotalIsLowerBound);
        Assert.Equal(count, found.Total);
        Assert.Equal(expected, Keys(found));
    }

    [Theory]
    [InlineData("of")]
    [InlineData("zz")]
    [InlineData("no such words anywhere")]
    [InlineData("\"offer\"")]
    [InlineData("offer\" OR \"install")]
    [InlineData("100%")]
    [InlineData("_t0")]
    public async Task Short_terms_and_quotes_or_operators_in_the_term_match_the_text_literally(string term)
    {
        var (count, expected) = await ScanAsync(t => t.IsOpen, term.ToLowerInvariant(), 0);

        var found = await Search.SearchAsync(new TaskQuery { Text = term }, CancellationToken.None);

        Assert.Equal(expected, Keys(found));
        Assert.True(found.TotalIsLowerBound ? found.Total < count : found.Total == count, $"{found.Total} of {count}");
    }

    [Fact]
    public async Task Finished_all_overdue_and_unassigned_tasks_with_a_common_word_give_the_page_of_a_plain_scan()
    {
        var now = DateTimeOffset.UtcNow;
        (TaskQuery Query, System.Linq.Expressions.Expression<Func<TaskRow, bool>> Scan)[] cases =
        [
            (new TaskQuery { Text = "offer", Status = TaskStatusFilter.Finished }, t => t.Status == "COMPLETED" || t.Status == "SKIPPED"),
            (new TaskQuery { Text = "offer", Status = TaskStatusFilter.All }, t => true),
            (new TaskQuery { Text = "offer", Overdue = true }, t => t.IsOpen && t.DueSort < now),
            (new TaskQuery { Text = "offer", Unassigned = true }, t => t.IsOpen && t.Unassigned),
            (new TaskQuery { Text = "offer", Unassigned = true, Page = 2, PageSize = 7 }, t => t.IsOpen && t.Unassigned),
        ];

        foreach (var (query, scan) in cases)
        {
            var (count, expected) = await ScanAsync(scan, "offer", query.Page, query.PageSize);
            var found = await Search.SearchAsync(query, CancellationToken.None);

            Assert.Equal(expected, Keys(found));
            Assert.True(found.TotalIsLowerBound ? found.Total < count : found.Total == count, $"{query}: {found.Total} of {count}");
        }
    }

    [Fact]
    public async Task A_common_word_sorted_by_name_gives_the_order_of_a_plain_scan()
    {
        var found = await Search.SearchAsync(new TaskQuery { Text = "offer", Sort = TaskSort.Name, Page = 1 }, CancellationToken.None);

        await using var db = database.CreateContext();
        var expected = await db.FlowTasks.AsNoTracking().Where(t => t.IsOpen && t.SearchText.Contains("offer"))
            .OrderBy(t => t.Name).ThenBy(t => t.DueSort).ThenBy(t => t.ExecutionId).ThenBy(t => t.TaskId).Skip(50).Take(50)
            .Select(t => t.ExecutionId + "/" + t.TaskId).ToListAsync();
        Assert.Equal(expected, Keys(found));
    }

    [Fact]
    public async Task An_assignees_or_partners_text_search_is_counted_exactly()
    {
        var user = seeded.UserIds[2];
        var partner = seeded.PartnerIds[0];

        var mine = await Search.SearchAsync(new TaskQuery { AssigneeIds = [user], Text = "offer" }, CancellationToken.None);
        var theirs = await Search.SearchAsync(new TaskQuery { AssigneeIds = [seeded.PartnerUserIds[0], partner], Text = "in" }, CancellationToken.None);

        await using var db = database.CreateContext();
        var linked = db.FlowTaskAssignees.AsNoTracking();
        Assert.False(mine.TotalIsLowerBound);
        Assert.Equal(
            await db.FlowTasks.CountAsync(t => t.IsOpen && t.SearchText.Contains("offer") && linked.Any(a => a.ExecutionId == t.ExecutionId && a.TaskId == t.TaskId && a.AssigneeId == user)),
            mine.Total);
        Assert.False(theirs.TotalIsLowerBound);
        Assert.Equal(
            await db.FlowTasks.CountAsync(t => t.IsOpen && t.SearchText.Contains("in") && linked.Any(a => a.ExecutionId == t.ExecutionId && a.TaskId == t.TaskId && (a.AssigneeId == partner || a.AssigneeId == seeded.PartnerUserIds[0]))),
            theirs.Total);
    }

    [SqliteFact("EXPLAIN QUERY PLAN and the FTS5 table are SQLite's")]
    public async Task A_common_word_is_counted_from_the_text_index_and_paged_from_the_due_date_index_without_sorting_every_match()
    {
        var (found, planned) = await TaskQueryPlans.SearchAsync(database, new TaskQuery { Text = "offer" });
        var plans = planned.ConvertAll(p => p.Steps);

        Assert.True(found.TotalIsLowerBound);
        Assert.Equal(3, plans.Count);
        Assert.Contains(plans[0], step => step.Contains("flow_tasks_fts VIRTUAL TABLE", StringComparison.Ordinal));
        Assert.Contains(plans[1], step => step.Contains("USING INDEX IX_flow_tasks_IsOpen_DueSort", StringComparison.Ordinal));
        Assert.All(plans.SelectMany(p => p), step => Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", step, StringComparison.Ordinal));
        Assert.All(plans.SelectMany(p => p), step => Assert.NotEqual("SCAN f", step));
    }

    [PostgresFact]
    public async Task A_rare_term_is_found_through_the_trigram_index_on_postgres()
    {
        var term = await RareTermAsync();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("ANALYZE flow_tasks");

        await db.Database.OpenConnectionAsync();
        await using var explain = db.Database.GetDbConnection().CreateCommand();
        explain.CommandText = $"EXPLAIN SELECT count(*) FROM flow_tasks WHERE \"SearchText\" LIKE '%{term}%'";
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, step => step.Contains("IX_flow_tasks_SearchText_trgm", StringComparison.Ordinal));
    }

    private static List<string> Keys(TaskListPage page) => [.. page.Items.Select(t => t.ExecutionId + "/" + t.TaskId)];

    /// <summary>How many rows the scan selects in all, and its page in the list's own order (soonest due first).</summary>
    private async Task<(int Count, List<string> Page)> ScanAsync(
        System.Linq.Expressions.Expression<Func<TaskRow, bool>> scope, string text, int page, int size = 50)
    {
        await using var db = database.CreateContext();
        var rows = db.FlowTasks.AsNoTracking().Where(scope).Where(t => t.SearchText.Contains(text));
        var keys = await rows.OrderBy(t => t.DueSort).ThenBy(t => t.ExecutionId).ThenBy(t => t.TaskId).Skip(page * size).Take(size)
            .Select(t => t.ExecutionId + "/" + t.TaskId).ToListAsync();
        return (await rows.CountAsync(), keys);
    }

    /// <summary>A first name in the data set that more than a page but fewer than the count limit of open tasks carry.</summary>
    private async Task<string> RareTermAsync()
    {
        foreach (var name in new[] { "anna", "clara", "david", "felix", "greta", "katrin", "lukas", "wolfgang", "yusuf" })
        {
            var (count, _) = await ScanAsync(t => t.IsOpen, name, 0);
            if (count is > 60 and < TaskSearch.CountLimit)
            {
                return name;
            }
        }

        throw new InvalidOperationException("No first name is rare enough in this data set.");
    }
}
