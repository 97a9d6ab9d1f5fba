using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.Automations;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Idempotency;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Core.Notes;
using Workflows.Core.Notifications;
using Workflows.Core.Reminders;
using Workflows.Core.Sidebar;
using Workflows.Core.Telemetry;

namespace Workflows.Core;

/// <summary>Registers the domain services of every feature, in one place for the web host and the tests.</summary>
public static class CoreSetup
{
    public static IServiceCollection AddWorkflowsCore(this IServiceCollection services, IConfiguration configuration, string? contentRoot = null)
    {
        services.AddWorkflowsDatabase(configuration);
        services.AddCoreSettings(configuration);
        services.AddMetrics();
        services.AddSingleton<WorkflowsMetrics>();

        services.AddSingleton<UserDirectory>();
        services.AddSingleton<ApiTokenService>();
        services.AddScoped<UserAdministration>();
        services.AddSingleton<FirstAdmin>();
        services.AddScoped<PartnerAdministration>();
        services.AddSingleton<Teams.TeamAdministration>();
        services.AddSingleton<Teams.TeamTasks>();
        services.AddScoped<ClosingReasonCatalogue>();
        services.AddSingleton<EntityService>();
        services.AddSingleton<IEntityCommitHook, Flows.Storage.TaskRowRecordTitles>();
        services.AddSingleton<IEntityCommitHook, Entities.FilterableValueIndex>();
        services.AddSingleton<FlowChangeBus>();
        services.AddSingleton<FlowTemplateService>();
        services.AddSingleton<FlowExecutionService>();
        services.AddSingleton<VisibleExecutions>();
        services.AddSingleton<TaskBulk>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<NoteService>();
        services.AddSingleton<VisibleNotes>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<RecordWorkflows>();
        services.AddSingleton<TaskSearch>();
        services.AddSingleton<RecordAttributeFilters>();
        services.AddSingleton<TaskBoard>();
        services.AddSingleton<DashboardStats>();
        services.AddSingleton<SavedViewService>();
        services.AddSingleton<JourneySubmissionBus>();
        services.AddSingleton<JourneyDefinitionService>();
        services.AddSingleton<JourneyRunService>();
        services.AddSingleton<JourneyLinkService>();
        services.AddWorkflowsAutomations(configuration, contentRoot);
        services.AddWorkflowsReminders();
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<DemoWorkflows>();
        services.AddSingleton<Demo.Bulk.BulkSeeder>();
        services.AddSingleton<Progress.ProgressLinkService>();
        return services;
    }
}
