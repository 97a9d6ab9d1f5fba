using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Core.Data;

/// <summary>Registers <see cref="WorkflowsDbContext"/> on the provider the configuration names.</summary>
public static class DatabaseSetup
{
    public const string DefaultConnectionString = "Data Source=workflows.db";

    public static IServiceCollection AddWorkflowsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Workflows") ?? DefaultConnectionString;
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        services.AddDbContextFactory<WorkflowsDbContext>(options => Configure(options, provider, connectionString));
        services.AddDbContext<WorkflowsDbContext>(
            options => Configure(options, provider, connectionString), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<CommitQueue>();
        if (provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService<SqliteStatistics>();
        }

        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations"))
                    .AddInterceptors(SqlitePragmas.Instance)
                    .ReplaceService<IMigrationsAssembly, ProviderMigrations>();
                break;
            case "postgres" or "postgresql" or "npgsql":
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations"))
                    .ReplaceService<IMigrationsAssembly, ProviderMigrations>();
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or Postgres.");
        }
    }

    /// <summary>
    /// Applies the provider's pending migrations (SQLite's and PostgreSQL's are separate sets, see
    /// <see cref="ProviderMigrations"/>), after recording the baseline of a PostgreSQL database that EnsureCreated made
    /// (<see cref="SchemaBaseline"/>); on SQLite also switches the file to write-ahead logging and refreshes the
    /// planner's statistics (<see cref="SqliteStatistics"/>).
    /// </summary>
    public static async Task MigrateAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var folder = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await SchemaBaseline.ApplyAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (dashboards, live pages) proceed while a writer commits; it is a property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await SqliteStatistics.OptimizeAsync(db, cancellationToken);
    }

    /// <summary>
    /// Per-connection SQLite settings: wait for a busy writer instead of failing, enforce foreign keys, and read the file
    /// through a memory map (no copy per page read; other connections' commits invalidate a connection's page cache, so
    /// reads are frequent). They are applied once per physical connection: a pooled connection keeps them, and running
    /// them on every open cost a round of four statements per operation.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();

        private const string Pragmas = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA mmap_size=268435456;";

        private static readonly ConditionalWeakTable<object, object> Applied = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (FirstOpen(connection))
            {
                using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                command.ExecuteNonQuery();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (FirstOpen(connection))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Pragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        private static bool FirstOpen(DbConnection connection) =>
            connection is not SqliteConnection { Handle: { } handle } || Applied.TryAdd(handle, Applied);
    }
}
