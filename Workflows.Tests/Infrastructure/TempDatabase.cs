using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflows.Core.Data;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// A database of its own for one test or fixture, deleted afterwards: a SQLite file, or, when
/// <see cref="PostgresVariable"/> names a PostgreSQL server (<c>./test.sh --postgres</c> sets it), a fresh database with
/// a random name on that server, dropped again.
/// </summary>
public sealed class TempDatabase : IDisposable
{
    /// <summary>The connection string of a PostgreSQL server (without a database) the provider tests run on.</summary>
    public const string PostgresVariable = "WORKFLOWS_TEST_POSTGRES";

    public TempDatabase()
        : this(PostgresServer is null ? "Sqlite" : "Postgres")
    {
    }

    /// <summary>A database on <paramref name="provider"/>; "Sqlite" for a test about SQLite itself.</summary>
    public TempDatabase(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflows-tests");
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        Provider = provider;
        if (IsPostgres)
        {
            var server = PostgresServer ?? throw new InvalidOperationException($"Set {PostgresVariable} to a PostgreSQL server's connection string.");
            var name = $"wf_test_{Guid.NewGuid():N}";
            AdminCommand(server, $"CREATE DATABASE \"{name}\"");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={FilePath}";
        }
    }

    /// <summary>The server the tests run on PostgreSQL against, or null: they run on SQLite.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether this run's tests use PostgreSQL (a test about SQLite itself is skipped then, see <see cref="SqliteFactAttribute"/>).</summary>
    public static bool OnPostgres => PostgresServer is not null;

    /// <summary>The provider name as <c>Database:Provider</c> takes it.</summary>
    public string Provider { get; }

    public bool IsPostgres => Provider == "Postgres";

    /// <summary>The SQLite file; on PostgreSQL, only the base of the side folders (mail pickup) beside it.</summary>
    public string FilePath { get; }

    public string ConnectionString { get; }

    /// <summary>The settings that point the app or the Core services at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("ConnectionStrings:Workflows", ConnectionString),
        new("Database:Provider", Provider),
    ];

    public DbContextOptions<WorkflowsDbContext> Options
    {
        get
        {
            var builder = new DbContextOptionsBuilder<WorkflowsDbContext>();
            DatabaseSetup.Configure(builder, Provider, ConnectionString);
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
        if (IsPostgres)
        {
            using (var connection = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            AdminCommand(PostgresServer!, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        else
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
        }

        if (Directory.Exists(FilePath + "-mail"))
        {
            Directory.Delete(FilePath + "-mail", recursive: true);
        }
    }

    private static void AdminCommand(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
