using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Workflows.Core.Automations.Actions;
using Workflows.Core.Automations.Webhooks;
using Workflows.Core.Email;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Jobs;
using Workflows.Core.Webhooks;

namespace Workflows.Core.Automations;

/// <summary>Registers automations, the job queue and worker, e-mail and webhooks.</summary>
internal static class AutomationSetup
{
    public static IServiceCollection AddWorkflowsAutomations(this IServiceCollection services, IConfiguration configuration, string? contentRoot = null)
    {
        var emailOptions = new EmailOptions();
        configuration.GetSection("Email").Bind(emailOptions);
        if (!Path.IsPathRooted(emailOptions.PickupDirectory))
        {
            emailOptions.PickupDirectory = Path.Combine(contentRoot ?? AppContext.BaseDirectory, emailOptions.PickupDirectory);
        }

        services.AddSingleton(emailOptions);

        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobWorker>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<AutomationDispatcher>();
        services.AddSingleton<IAutomationRunQueue>(sp => sp.GetRequiredService<AutomationDispatcher>());
        services.TryAddSingleton<AutomationTaskRunner>();
        services.AddSingleton<AutomationService>();
        services.AddSingleton<AutomationListeners>();
        services.AddSingleton<AutomationOutbox>();
        services.AddSingleton<IFlowCommitHook>(sp => sp.GetRequiredService<AutomationOutbox>());
        services.AddSingleton<IEntityCommitHook>(sp => sp.GetRequiredService<AutomationOutbox>());

        services.AddSingleton<IActionHandler, UpdateEntityAction>();
        services.AddSingleton<IActionHandler, TriggerWorkflowAction>();
        services.AddSingleton<IActionHandler, SendEmailAction>();
        services.AddSingleton<IActionHandler, CallWebhookAction>();
        services.AddSingleton<IActionHandler, AddNoteAction>();
        services.AddSingleton<IActionHandler, CompleteTaskAction>();
        services.AddSingleton<IActionHandler, AssignRoundRobinAction>();
        services.AddSingleton<IActionHandler, SetPriorityAction>();
        services.AddSingleton<IActionHandler, SetFollowUpAction>();

        services.AddSingleton<IJobHandler, AutomationRunner>();
        services.AddSingleton<IJobHandler, AutomationEventHandler>();
        services.AddSingleton<IJobHandler, ScheduledTaskHandler>();
        services.AddSingleton<IJobStartup, ScheduledTaskRepair>();
        services.AddOptions<WebhookDeliveryOptions>().Bind(configuration.GetSection(WebhookDeliveryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookDeliveryOptions>, WebhookDeliveryOptionsValidation>();
        services.AddSingleton<WebhookSubscribers>();
        services.AddSingleton<WebhookService>();
        services.AddSingleton<IFlowCommitHook, WebhookOutbox>();
        services.AddSingleton<IJobHandler, WebhookDeliveryHandler>();
        services.AddSingleton<IJobStartup, WakeWorkerOnFlowChange>();
        if (configuration.GetValue("Jobs:RunWorker", true))
        {
            services.AddHostedService<JobWorkerHost>();
        }

        services.AddOptions<AutomationLimits>().Bind(configuration.GetSection(AutomationLimits.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AutomationLimits>, AutomationLimitsValidation>();
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidation>();
        services.AddSingleton<WebhookAddressPolicy>();
        services.AddSingleton<WebhookSecrets>();
        services.AddHttpClient(WebhookCall.HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Workflows-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Every connection, redirects included, is made by the policy after it resolved and judged the address;
                // a proxy would make the connection elsewhere, so none is used.
                ConnectCallback = sp.GetRequiredService<WebhookAddressPolicy>().ConnectAsync,
                UseProxy = false,
                MaxAutomaticRedirections = 5,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddStandardResilienceHandler(options =>
            {
                // A webhook is a POST: it is not replayed within one attempt; the job retries it with backoff, and the
                // delivery header lets the receiver drop a duplicate.
                options.Retry.DisableForUnsafeHttpMethods();
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            })
            // One breaker per receiver: an integrator's endpoint that is down must not stop calls to the others.
            .SelectPipelineByAuthority();
        return services;
    }
}
