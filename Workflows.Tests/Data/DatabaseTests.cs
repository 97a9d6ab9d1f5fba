using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

public sealed class DatabaseTests : IDisposable
{
    private readonly TempDatabase database = new();

    [SqliteFact("WAL is a SQLite journal mode")]
    public async Task Migrations_apply_to_a_fresh_sqlite_file_in_wal_mode()
    {
        await using var db = await database.CreateMigratedContextAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        var journalMode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", journalMode.Single());
        Assert.Equal(0, await db.EntityRecords.CountAsync());
    }

    [Fact]
    public async Task Seeding_twice_creates_nothing_twice()
    {
        await using var services = CoreServices.Build(database);
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var first = await CountsAsync(services);
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var second = await CountsAsync(services);
        Assert.Equal(first, second);
        Assert.Equal(DemoSeeder.DemoUsers.Count, first.Users);
        Assert.Equal(2, first.Partners);
        Assert.Equal(3, first.Schemas);
        Assert.InRange(first.Records, 45, 60);
        Assert.True(first.ClosingReasons >= 5);
        Assert.Equal(5, first.Templates);
        Assert.InRange(first.Executions, 6, 12);
    }

    [Fact]
    public async Task Seeded_records_keep_umlauts_and_get_titles_from_their_schema()
    {
        await using var services = CoreServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);

        var contact = await db.EntityRecords.AsNoTracking().SingleAsync(r => r.Id == "contact-001");
        Assert.Equal("Jürgen Müller", contact.Title);
        Assert.Equal("München", (string?)contact.Attributes["city"]);
    }

    private static async Task<(int Users, int Partners, int Schemas, int Records, int ClosingReasons, int Roles, int Templates, int Executions)> CountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return (await db.Users.CountAsync(), await db.Partners.CountAsync(), await db.EntitySchemas.CountAsync(),
            await db.EntityRecords.CountAsync(), await db.ClosingReasons.CountAsync(), await db.Roles.CountAsync(),
            await db.FlowTemplates.CountAsync(), await db.FlowExecutions.CountAsync());
    }

    public void Dispose() => database.Dispose();
}
