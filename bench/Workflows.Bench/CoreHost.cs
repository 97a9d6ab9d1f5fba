using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workflows.Core;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Identity;

namespace Workflows.Bench;

/// <summary>
/// The Core services as the app registers them, without the web host, on a database of their own: a SQLite file (WAL,
/// the product's pragmas) or, with <see cref="BenchSettings.OnPostgres"/>, a fresh PostgreSQL database on
/// <see cref="BenchSettings.PostgresServer"/>. The file is deleted, the database dropped, on dispose (unless <see cref="BenchSettings.KeepDatabases"/>).
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly bool keep;

    private CoreHost(string folder, ServiceProvider services, bool keep, string? postgresDatabase)
    {
        this.keep = keep;
        Folder = folder;
        Services = services;
        PostgresDatabase = postgresDatabase;
    }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "bench.db");

    /// <summary>The PostgreSQL database's connection string, or null on SQLite.</summary>
    public string? PostgresDatabase { get; }

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A migrated database with the demo users, schemas, records and closing reasons.</summary>
    public static async Task<CoreHost> StartAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(settings.WorkFolder, $"core-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string? postgres = null;
        if (settings.OnPostgres)
        {
            var server = settings.PostgresServer ?? throw new InvalidOperationException("No PostgreSQL connection string.");
            var name = $"wf_bench_{Guid.NewGuid():N}";
            await AdminCommandAsync(server, $"CREATE DATABASE \"{name}\"", cancellationToken);
            postgres = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Workflows"] = postgres ?? $"Data Source={Path.Combine(folder, "bench.db")}",
                ["Database:Provider"] = settings.Provider,
                ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
                ["Seed:Language"] = "en",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            // BENCH_EF_LOG=1 prints every SQL command and query compilation: how the fixes were found.
            if (Environment.GetEnvironmentVariable("BENCH_EF_LOG") == "1")
            {
                logging.AddSimpleConsole().AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)
                    .AddFilter("Microsoft.EntityFrameworkCore.Query", LogLevel.Debug).AddFilter((_, _) => false);
            }
        });
        services.AddSingleton(TimeProvider.System);
        // The Core services exactly as the app registers them (automation outbox and all), without the web host.
        services.AddWorkflowsCore(configuration);
        services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<WorkflowsDbContext>();
        services.AddSingleton<Workflows.Core.Automations.Webhooks.ISecretProtector>(
            new Workflows.Web.Hosting.DataProtectionSecretProtector(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider()));
        var host = new CoreHost(folder, services.BuildServiceProvider(), settings.KeepDatabases, postgres);
        await using var scope = host.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        return host;
    }

    /// <summary>The database's size on disk: the SQLite file, or PostgreSQL's <c>pg_database_size</c>.</summary>
    public async Task<long> DatabaseBytesAsync(CancellationToken cancellationToken)
    {
        if (PostgresDatabase is null)
        {
            return new FileInfo(DatabaseFile).Length;
        }

        await using var connection = new NpgsqlConnection(PostgresDatabase);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (PostgresDatabase is { } database)
        {
            NpgsqlConnection.ClearAllPools();
            if (!keep)
            {
                var builder = new NpgsqlConnectionStringBuilder(database);
                await AdminCommandAsync(database, $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)", CancellationToken.None);
            }
        }

        if (keep)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open stays in the bench's work folder, which the next run clears.
        }
    }

    private static async Task AdminCommandAsync(string server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
