using Microsoft.Data.Sqlite;
using Workflows.Core.Demo.Bulk;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// The bulk generator drops a table's non-unique indexes while it writes and builds them again afterwards: the seeded
/// database must end with exactly the indexes (and triggers) of a freshly migrated one, defined the same way.
/// </summary>
public sealed class BulkSeedSchemaTests
{
    [SqliteFact("the bulk writer's index handling is SQLite's")]
    public async Task A_bulk_seeded_database_has_every_index_and_trigger_of_a_migrated_one()
    {
        using var fresh = new TempDatabase("Sqlite");
        await using (await fresh.CreateMigratedContextAsync())
        {
        }

        using var seeded = new TempDatabase("Sqlite");
        await using (var services = CoreServices.Build(seeded))
        {
            var result = await BulkTestData.SeedAsync(seeded, services, new BulkSeedOptions { Tasks = 500, Users = 5, Partners = 1, Templates = 2 });
            Assert.Equal(500, result.Tasks);
        }

        var expected = Schema(fresh);
        Assert.Contains(expected, e => e.Name == "IX_flow_tasks_Status_DueSort_ExecutionId_TaskId");
        Assert.Equal(expected, Schema(seeded));
    }

    private static List<(string Name, string? Sql)> Schema(TempDatabase database)
    {
        using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return rows;
    }
}
