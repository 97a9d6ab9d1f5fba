using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Demo.Bulk;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// Everyone's open tasks sorted by any column are read page-first from that column's (IsOpen, column, DueSort) index,
/// without sorting every open task (issue 17, ADR-024), and the due-date list keeps its own index, although seven
/// indexes now start with IsOpen. The database never had ANALYZE run by hand: it is upgraded from the version before
/// these indexes, whose statistics (the bulk generator's ANALYZE) know the other indexes only, and only what the app
/// does at start (<see cref="DatabaseSetup.MigrateAsync"/>: the migration, then PRAGMA optimize) covers the new ones.
/// </summary>
public sealed class DashboardSortPlanTests(DashboardSortPlanTests.SortDatabase data) : IClassFixture<DashboardSortPlanTests.SortDatabase>
{
    public static TheoryData<TaskSort, string> Sorts => new()
    {
        { TaskSort.DueDate, "IX_flow_tasks_IsOpen_DueSort" },
        { TaskSort.Name, "IX_flow_tasks_IsOpen_Name_DueSort" },
        { TaskSort.NameDescending, "IX_flow_tasks_IsOpen_Name_DueSort" },
        { TaskSort.Workflow, "IX_flow_tasks_IsOpen_WorkflowName_DueSort" },
        { TaskSort.WorkflowDescending, "IX_flow_tasks_IsOpen_WorkflowName_DueSort" },
        { TaskSort.Record, "IX_flow_tasks_IsOpen_EntityTitle_DueSort" },
        { TaskSort.RecordDescending, "IX_flow_tasks_IsOpen_EntityTitle_DueSort" },
        { TaskSort.Phase, "IX_flow_tasks_IsOpen_PhaseName_DueSort" },
        { TaskSort.PhaseDescending, "IX_flow_tasks_IsOpen_PhaseName_DueSort" },
        { TaskSort.Status, "IX_flow_tasks_IsOpen_Status_DueSort" },
        { TaskSort.StatusDescending, "IX_flow_tasks_IsOpen_Status_DueSort" },
        { TaskSort.UpdatedAscending, "IX_flow_tasks_IsOpen_UpdatedAt_DueSort" },
        { TaskSort.UpdatedDescending, "IX_flow_tasks_IsOpen_UpdatedAt_DueSort" },
    };

    [SqliteTheory("EXPLAIN QUERY PLAN is SQLite's")]
    [MemberData(nameof(Sorts))]
    public async Task Everyones_open_tasks_are_paged_from_the_sorts_own_index(TaskSort sort, string index)
    {
        var (page, plans) = await TaskQueryPlans.SearchAsync(data.Database, new TaskQuery { Sort = sort });

        Assert.Equal(50, page.Items.Count);
        var (sql, steps) = Assert.Single(plans, p => p.Sql.Contains("ORDER BY", StringComparison.Ordinal) && p.Sql.Contains("LIMIT", StringComparison.Ordinal));
        var plan = $"{sql}\n{string.Join('\n', steps)}";
        Assert.True(steps.Exists(step => step.Contains($"INDEX {index} ", StringComparison.Ordinal)), $"Not read through {index}:\n{plan}");
        // A sort of the rows of equal (column, due) is cheap; a sort of every open task is what this prevents.
        Assert.DoesNotContain(steps, step => step == "USE TEMP B-TREE FOR ORDER BY");
    }

    [SqliteFact("The statistics are SQLite's")]
    public async Task The_start_made_statistics_for_the_new_indexes()
    {
        await using var connection = new SqliteConnection(data.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT idx FROM sqlite_stat1 WHERE tbl = 'flow_tasks'";
        var analyzed = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            analyzed.Add(reader.GetString(0));
        }

        Assert.All(SortDatabase.SortIndexes, index => Assert.Contains(index, analyzed));
    }

    public sealed class SortDatabase : IAsyncLifetime, IDisposable
    {
        internal static readonly string[] SortIndexes = [.. Sorts.Select(row => (string)row[1]).Distinct().Where(i => i != "IX_flow_tasks_IsOpen_DueSort")];

        private ServiceProvider services = default!;

        public TempDatabase Database { get; } = new("Sqlite");

        public async Task InitializeAsync()
        {
            services = CoreServices.Build(Database);
            await BulkTestData.SeedAsync(Database, services, new BulkSeedOptions { Tasks = 5_000, Users = 20, Partners = 3, Templates = 4 });
            await using (var db = Database.CreateContext())
            {
                // As a database of the version before these indexes: the generator's ANALYZE made statistics for the
                // other indexes only. The upgrade then creates them (the migration) and the start refreshes statistics.
                var downgrade = string.Concat(SortIndexes.Select(i => $"DROP INDEX \"{i}\"; DELETE FROM sqlite_stat1 WHERE idx = '{i}'; "))
                    + "DELETE FROM __ef_migrations WHERE MigrationId LIKE '%_TaskSortIndexes';";
                await db.Database.ExecuteSqlRawAsync(downgrade);
            }

            SqliteConnection.ClearAllPools();
            // Without this step the upgraded database lists everyone's tasks by name, workflow, record, phase or status
            // through the last-change index and sorts them all: its new indexes have no statistics yet (ADR-024).
            await using (var db = Database.CreateContext())
            {
                await DatabaseSetup.MigrateAsync(db, CancellationToken.None); // what every start of the app runs
            }

            SqliteConnection.ClearAllPools();
        }

        public async Task DisposeAsync() => await services.DisposeAsync();

        public void Dispose() => Database.Dispose();
    }
}
