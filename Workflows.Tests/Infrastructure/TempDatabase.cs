using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;

namespace Workflows.Tests.Infrastructure;

/// <summary>A SQLite file of its own for one test or fixture, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflows-tests");
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath}";

    public DbContextOptions<WorkflowsDbContext> Options
    {
        get
        {
            var builder = new DbContextOptionsBuilder<WorkflowsDbContext>();
            DatabaseSetup.Configure(builder, "Sqlite", ConnectionString);
            return builder.Options;
        }
    }

    public WorkflowsDbContext CreateContext() => new(Options);

    public async Task<WorkflowsDbContext> CreateMigratedContextAsync()
    {
        var db = CreateContext();
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(FilePath + suffix);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS temp cleaner; it never affects another test.
            }
        }

        if (Directory.Exists(FilePath + "-mail"))
        {
            Directory.Delete(FilePath + "-mail", recursive: true);
        }
    }
}
