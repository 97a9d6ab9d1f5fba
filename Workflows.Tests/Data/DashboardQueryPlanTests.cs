using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Demo.Bulk;
using Workflows.Core.Flows;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// The dashboard must answer from indexes at any volume (issue 7): the statements behind the default view ("my open
/// tasks, soonest due first") are each checked with EXPLAIN QUERY PLAN on bulk-generated data.
/// </summary>
public sealed class DashboardQueryPlanTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;
    private BulkSeedResult seeded = default!;

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        await using (var db = await database.CreateMigratedContextAsync())
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Workflows.Core.Demo.DemoSeeder>().EnsureRolesAsync(CancellationToken.None);
        }

        var seeder = new BulkSeeder(
            services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>(), services.GetRequiredService<FlowTemplateService>(),
            services.GetRequiredService<FlowSettings>(), TimeProvider.System);
        seeded = await seeder.SeedAsync(new BulkSeedOptions { Tasks = 5_000, Users = 20, Partners = 3, Templates = 4 }, null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Every_statement_of_the_default_dashboard_query_is_served_by_an_index()
    {
        var commands = new CommandLog();
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>(database.Options).AddInterceptors(commands).Options;
        var search = new TaskSearch(new Factory(options), TimeProvider.System);

        var page = await search.SearchAsync(new TaskQuery { AssigneeIds = [seeded.UserIds[3]] }, CancellationToken.None);

        Assert.NotEmpty(page.Items);
        Assert.NotEmpty(commands.Selects);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in commands.Selects)
        {
            var plan = await PlanAsync(connection, sql, parameters);
            Assert.True(plan.Exists(step => step.Contains("USING INDEX", StringComparison.Ordinal) || step.Contains("USING COVERING INDEX", StringComparison.Ordinal)),
                $"No index in the plan of:\n{sql}\n{string.Join('\n', plan)}");
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("SCAN flow_tasks", StringComparison.Ordinal));
        }
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    private sealed class Factory(DbContextOptions<WorkflowsDbContext> options) : IDbContextFactory<WorkflowsDbContext>
    {
        public WorkflowsDbContext CreateDbContext() => new(options);
    }

    /// <summary>Records the task-table SELECTs EF Core sends, with their parameter values.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        public List<(string Sql, List<(string Name, object? Value)> Parameters)> Selects { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && command.CommandText.Contains("flow_task", StringComparison.Ordinal))
            {
                Selects.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
