using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// Runs a task search on a test database and returns SQLite's query plan (EXPLAIN QUERY PLAN, one line per step) of
/// every SELECT it sent on the task tables, with the parameter values it used.
/// </summary>
internal static class TaskQueryPlans
{
    public static async Task<(TaskListPage Page, List<(string Sql, List<string> Steps)> Plans)> SearchAsync(TempDatabase database, TaskQuery query)
    {
        var commands = new SelectLog();
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>(database.Options).AddInterceptors(commands).Options;
        var page = await new TaskSearch(new Factory(options), TimeProvider.System, new Workflows.Core.Flows.FlowSettings()).SearchAsync(query, CancellationToken.None);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var plans = new List<(string Sql, List<string> Steps)>();
        foreach (var (sql, parameters) in commands.Selects)
        {
            plans.Add((sql, await PlanAsync(connection, sql, parameters)));
        }

        return (page, plans);
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
    private sealed class SelectLog : DbCommandInterceptor
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
