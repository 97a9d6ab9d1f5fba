using Workflows.Core.Dashboard;
using Workflows.Core.Demo.Bulk;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// Everyone's open tasks by priority are paged from the (Priority, IsOpen, DueSort) index in both directions
/// without sorting every open task (ADR-028), and someone's open list with follow-ups hidden still reads its assignee
/// index alone.
/// </summary>
public sealed class TaskPriorityPlanTests : IAsyncLifetime, IDisposable
{
    private const string PriorityIndex = "IX_flow_tasks_Priority_IsOpen_DueSort";
    private readonly TempDatabase database = new("Sqlite");
    private ServiceProvider services = default!;
    private BulkSeedResult seeded = default!;

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        seeded = await BulkTestData.SeedAsync(database, services, new BulkSeedOptions { Tasks = 5_000, Users = 20, Partners = 3, Templates = 4 });
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [SqliteTheory("EXPLAIN QUERY PLAN is SQLite's")]
    [InlineData(TaskSort.PriorityDescending)]
    [InlineData(TaskSort.Priority)]
    public async Task Everyones_open_tasks_by_priority_are_paged_from_the_priority_index(TaskSort sort)
    {
        var (page, plans) = await TaskQueryPlans.SearchAsync(database, new TaskQuery { Sort = sort });

        Assert.Equal(50, page.Items.Count);
        var ordered = sort == TaskSort.PriorityDescending ? page.Items.Select(t => -t.Priority) : page.Items.Select(t => t.Priority);
        Assert.Equal(ordered.Order(), ordered);
        var (sql, steps) = Assert.Single(plans, p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal) && p.Sql.Contains("LIMIT", StringComparison.Ordinal));
        var plan = $"{sql}\n{string.Join('\n', steps)}";
        Assert.True(steps.Exists(step => step.Contains($"INDEX {PriorityIndex} ", StringComparison.Ordinal)), $"Not read through {PriorityIndex}:\n{plan}");
        Assert.DoesNotContain(steps, step => step == "USE TEMP B-TREE FOR ORDER BY");
    }

    [SqliteFact("EXPLAIN QUERY PLAN is SQLite's")]
    public async Task A_priority_range_over_everyones_open_tasks_is_one_range_of_the_priority_index()
    {
        var (page, plans) = await TaskQueryPlans.SearchAsync(database, new TaskQuery { PriorityFrom = 75, Sort = TaskSort.PriorityDescending });

        Assert.All(page.Items, t => Assert.True(t.Priority >= 75));
        var ranged = plans.Where(p => p.Sql.Contains("\"Priority\" >=", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, ranged.Count); // the count and the page
        Assert.All(ranged, p => Assert.True(
            p.Steps.Exists(step => step.Contains($"INDEX {PriorityIndex} (Priority>?", StringComparison.Ordinal)),
            $"{p.Sql}\n{string.Join('\n', p.Steps)}"));
    }

    [SqliteFact("EXPLAIN QUERY PLAN is SQLite's")]
    public async Task Someones_open_list_without_follow_ups_is_read_from_the_assignee_index()
    {
        var (page, plans) = await TaskQueryPlans.SearchAsync(database, new TaskQuery { AssigneeIds = [seeded.UserIds[3]] });

        Assert.NotEmpty(page.Items);
        var (sql, steps) = Assert.Single(plans, p => p.Sql.Contains("\"FollowUpOn\"", StringComparison.Ordinal) && p.Sql.Contains("LIMIT", StringComparison.Ordinal));
        Assert.True(steps.Exists(step => step.Contains("INDEX IX_flow_task_assignees_AssigneeId_IsOpen_DueAt", StringComparison.Ordinal)),
            $"{sql}\n{string.Join('\n', steps)}");
        Assert.DoesNotContain(steps, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }
}
