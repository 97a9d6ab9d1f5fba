using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>Each provider's own migrations, PostgreSQL's baseline for databases EnsureCreated made, and upgrades that keep every row.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempDatabase database = TempDatabase.Empty();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_fresh_database_gets_only_its_providers_migrations_and_none_is_left_pending()
    {
        await using var db = await database.CreateMigratedContextAsync();

        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var wanted = database.IsPostgres ? ProviderMigrations.PostgresNamespace : ProviderMigrations.SqliteNamespace;
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.All(applied, id => Assert.Equal(wanted, db.GetService<IMigrationsAssembly>().Migrations[id].Namespace));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [PostgresFact]
    public async Task A_database_made_by_EnsureCreated_is_baselined_then_migrated_and_keeps_its_rows()
    {
        await using (var old = database.CreateContext())
        {
            // What EnsureCreated made before PostgreSQL had migrations: the first migration's schema, and no history.
            await old.GetService<IMigrator>().MigrateAsync(old.Database.GetMigrations().First());
            await old.Database.ExecuteSqlRawAsync("DROP TABLE __ef_migrations");
            await old.Database.ExecuteSqlRawAsync(
                """INSERT INTO closing_reasons ("Id", "Title", "Status", "CreationTime", "LastUpdateTime") VALUES ('r1', 'Customer withdrew', 'ACTIVE', now(), now())""");
        }

        await using var db = await database.CreateMigratedContextAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal("Customer withdrew", (await db.ClosingReasons.AsNoTracking().SingleAsync()).Title);
        var trigramIndex = await db.Database
            .SqlQuery<string>($"SELECT indexname AS \"Value\" FROM pg_indexes WHERE indexname = 'IX_flow_tasks_SearchText_trgm'").ToListAsync();
        Assert.Single(trigramIndex);
        Assert.False(await SchemaBaseline.ApplyAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task A_migrated_database_needs_no_baseline()
    {
        await using var db = await database.CreateMigratedContextAsync();

        Assert.False(await SchemaBaseline.ApplyAsync(db, CancellationToken.None));
    }

    /// <summary>
    /// The demo data is seeded at the newest schema, the database taken down to the first migration, and then brought up
    /// one migration at a time: after every step each table holds the rows it held before.
    /// </summary>
    [Fact]
    public async Task Every_row_survives_applying_the_migrations_one_by_one()
    {
        await using var services = CoreServices.Build(database);
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        await using var db = database.CreateContext();
        var migrator = db.GetService<IMigrator>();
        var steps = db.Database.GetMigrations().ToList();
        await migrator.MigrateAsync(steps[0]);
        var before = await CountsAsync(db);
        Assert.Contains(before, table => table.Key == "flow_tasks" && table.Value > 0);

        foreach (var step in steps.Skip(1))
        {
            await migrator.MigrateAsync(step);
            var after = await CountsAsync(db);
            Assert.All(before, table => Assert.Equal((step, table.Key, table.Value), (step, table.Key, after[table.Key])));
        }

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    /// <summary>Rows per table of the model that exists at this step.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(WorkflowsDbContext db)
    {
        FormattableString existing = db.Database.IsSqlite()
            ? (FormattableString)$"SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
            : $"SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema()";
        var tables = (await db.Database.SqlQuery<string>(existing).ToListAsync()).ToHashSet();
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Where(tables.Contains))
        {
#pragma warning disable EF1003 // The table names come from the model, not from input.
            counts[table] = await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"").SingleAsync();
#pragma warning restore EF1003
        }

        return counts;
    }
}
