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

    /// <summary>
    /// On PostgreSQL, a database migrated once per test run that each new database is copied from (<c>CREATE DATABASE
    /// … TEMPLATE</c>, a file copy), instead of running every migration for every test.
    /// </summary>
    private static readonly Lazy<string> MigratedTemplate = new(CreateMigratedTemplate);

    public TempDatabase()
        : this(PostgresServer is null ? "Sqlite" : "Postgres")
    {
    }

    /// <summary>
    /// A database on <paramref name="provider"/> ("Sqlite" for a test about SQLite itself). A SQLite file starts empty;
    /// a PostgreSQL database starts migrated unless <paramref name="empty"/> (migrating it again changes nothing).
    /// </summary>
    public TempDatabase(string provider, bool empty = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "workflows-tests");
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        Provider = provider;
        if (IsPostgres)
        {
            var server = PostgresServer ?? throw new InvalidOperationException($"Set {PostgresVariable} to a PostgreSQL server's connection string.");
            var name = $"wf_test_{Guid.NewGuid():N}";
            AdminCommand(server, empty ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{MigratedTemplate.Value}\"");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={FilePath}";
        }
    }

    /// <summary>A database without any table, on this run's provider: for tests of migrations themselves.</summary>
    public static TempDatabase Empty() => new(PostgresServer is null ? "Sqlite" : "Postgres", empty: true);

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

    private static string CreateMigratedTemplate()
    {
        var server = PostgresServer!;
        var name = $"wf_template_{Guid.NewGuid():N}";
        AdminCommand(server, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        DatabaseSetup.Configure(options, "Postgres", connectionString);
        using (var db = new WorkflowsDbContext(options.Options))
        {
            DatabaseSetup.MigrateAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => AdminCommand(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        return name;
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
