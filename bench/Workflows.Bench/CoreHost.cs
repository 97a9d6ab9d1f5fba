using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Core;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Identity;

namespace Workflows.Bench;

/// <summary>
/// The Core services as the app registers them, on a SQLite file of their own (WAL, the product's pragmas), without
/// the web host. The file is deleted on dispose.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly bool keep;

    private CoreHost(string folder, ServiceProvider services, bool keep)
    {
        this.keep = keep;
        Folder = folder;
        Services = services;
    }

    public string Folder { get; }

    public string DatabaseFile => Path.Combine(Folder, "bench.db");

    public ServiceProvider Services { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A migrated database with the demo users, schemas, records and closing reasons.</summary>
    public static async Task<CoreHost> StartAsync(string workFolder, CancellationToken cancellationToken, bool keep = false)
    {
        var folder = Path.Combine(workFolder, $"core-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workflows"] = $"Data Source={Path.Combine(folder, "bench.db")}",
                ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
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
        var host = new CoreHost(folder, services.BuildServiceProvider(), keep);
        await using var scope = host.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
}
