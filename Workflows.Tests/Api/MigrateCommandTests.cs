using Microsoft.EntityFrameworkCore;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary><c>dotnet Workflows.Web.dll migrate</c> migrates the configured database and exits without serving.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TempDatabase database = TempDatabase.Empty();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Migrate_applies_every_migration_and_exits()
    {
        var result = await AppCommand.RunAsync(database, new Dictionary<string, string?>(), null, "migrate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("migration(s)", result.Output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
