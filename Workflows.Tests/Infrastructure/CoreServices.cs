using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Identity;

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
        services.AddSingleton<Workflows.Core.Dashboard.TaskSearch>();
        services.AddSingleton<Workflows.Core.Dashboard.DashboardStats>();
        services.AddSingleton<Workflows.Core.Dashboard.SavedViewService>();
        services.AddSingleton<EntityService>();
        return services.BuildServiceProvider();
    }
}
