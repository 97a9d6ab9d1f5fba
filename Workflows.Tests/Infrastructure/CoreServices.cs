using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Workflows.Core.Automations;
using Workflows.Core;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;

namespace Workflows.Tests.Infrastructure;

/// <summary>The Core services on a real database (<see cref="TempDatabase"/>), without the web host: for data tests.</summary>
public static class CoreServices
{
    /// <summary>
    /// The job worker is not hosted here: tests step it with <c>JobWorker.RunOnceAsync</c>. Mail goes to a pickup folder
    /// beside the database file unless <paramref name="settings"/> say otherwise.
    /// </summary>
    public static ServiceProvider Build(
        TempDatabase database, TimeProvider? clock = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>(database.Settings)
        {
            ["Jobs:RunWorker"] = "false",
            ["Email:PickupDirectory"] = database.FilePath + "-mail",
            // The tests read the demo content as written in English.
            ["Seed:Language"] = "en",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddWorkflowsCore(configuration);
        services.AddIdentityCore<ApplicationUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkflowsDbContext>();
        var keys = new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider();
        services.AddSingleton<IJourneyLinkSigner>(new Workflows.Web.Hosting.DataProtectionLinkSigner(keys));
        services.AddSingleton<Workflows.Core.Progress.IProgressLinkSigner>(
            new Workflows.Web.Hosting.DataProtectionLinkSigner(keys, Workflows.Web.Hosting.DataProtectionLinkSigner.ProgressPurpose));
        services.AddSingleton<Workflows.Core.Automations.Webhooks.ISecretProtector>(new Workflows.Web.Hosting.DataProtectionSecretProtector(keys));
        services.AddSingleton(new FlowSettings());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary><see cref="Build"/> on a migrated database that holds the demo data.</summary>
    public static async Task<ServiceProvider> BuildSeededAsync(TempDatabase database, TimeProvider? clock = null)
    {
        var services = Build(database, clock);
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        return services;
    }
}
