using System.Diagnostics;
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
        var folder = AppProcess.WebOutputFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(folder, "Workflows.Web.dll"));
        start.ArgumentList.Add("migrate");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["HOME"] = Directory.CreateDirectory(database.FilePath + "-mail").FullName;
        foreach (var (key, value) in database.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await output + await errors);
        Assert.Contains("migration(s)", await output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
