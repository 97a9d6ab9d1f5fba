using Workflows.Core.Dashboard;
using Workflows.Core.Demo.Bulk;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// A status board's column is one range of the (Status, DueSort, ExecutionId, TaskId) index: its count reads only that range's index entries,
/// and its first cards are the range's first entries in due order, without sorting every task of the status.
/// </summary>
public sealed class TaskBoardPlanTests(TaskBoardPlanTests.BoardDatabase data) : IClassFixture<TaskBoardPlanTests.BoardDatabase>
{
    [SqliteTheory("EXPLAIN QUERY PLAN is SQLite's")]
    [InlineData("PENDING")]
    [InlineData("COMPLETED")]
    public async Task A_status_column_is_counted_and_paged_from_the_status_index(string status)
    {
        var (page, plans) = await TaskQueryPlans.SearchAsync(data.Database,
            new TaskQuery { Status = TaskStatusFilter.Exactly, ExactStatus = status, PageSize = BoardQuery.DefaultColumnSize });

        Assert.Equal(BoardQuery.DefaultColumnSize, page.Items.Count);
        var (countSql, countSteps) = Assert.Single(plans, p => p.Sql.Contains("COUNT(*)", StringComparison.Ordinal));
        Assert.True(countSteps.Exists(s => s.Contains("COVERING INDEX IX_flow_tasks_Status_", StringComparison.Ordinal)),
            $"Not counted from a status index:\n{countSql}\n{string.Join('\n', countSteps)}");
        var (sql, steps) = Assert.Single(plans, p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal) && p.Sql.Contains("LIMIT", StringComparison.Ordinal));
        var plan = $"{sql}\n{string.Join('\n', steps)}";
        Assert.True(steps.Exists(s => s.Contains("INDEX IX_flow_tasks_Status_DueSort_ExecutionId_TaskId ", StringComparison.Ordinal)), $"Not read through IX_flow_tasks_Status_DueSort_ExecutionId_TaskId:\n{plan}");
        Assert.DoesNotContain(steps, step => step == "USE TEMP B-TREE FOR ORDER BY");
    }

    public sealed class BoardDatabase : IAsyncLifetime, IDisposable
    {
        private ServiceProvider services = default!;

        public TempDatabase Database { get; } = new("Sqlite");

        public async Task InitializeAsync()
        {
            services = CoreServices.Build(Database);
            await BulkTestData.SeedAsync(Database, services, new BulkSeedOptions { Tasks = 5_000, Users = 20, Partners = 3, Templates = 4 });
        }

        public async Task DisposeAsync() => await services.DisposeAsync();

        public void Dispose() => Database.Dispose();
    }
}
