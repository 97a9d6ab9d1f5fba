using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;

namespace Workflows.Tests.Infrastructure;

/// <summary>The Core services on a real SQLite file, without the web host: for data tests.</summary>
public static class CoreServices
{
    public static ServiceProvider Build(TempDatabase database, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workflows"] = database.ConnectionString })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddWorkflowsDatabase(configuration);
        services.AddIdentityCore<ApplicationUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkflowsDbContext>();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<DemoWorkflows>();
        services.AddSingleton(new FlowSettings());
        services.AddSingleton<FlowChangeBus>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<Workflows.Core.Notifications.NotificationService>();
        services.AddSingleton<Workflows.Core.Notes.NoteService>();
        services.AddSingleton<FlowTemplateService>();
        services.AddSingleton<FlowExecutionService>();
        services.AddSingleton<EntityService>();
        services.AddSingleton<IJourneyLinkSigner>(new Workflows.Web.Hosting.DataProtectionLinkSigner(
            new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider()));
        services.AddSingleton<JourneySubmissionBus>();
        services.AddSingleton<JourneyService>();
        return services.BuildServiceProvider();
    }
}
