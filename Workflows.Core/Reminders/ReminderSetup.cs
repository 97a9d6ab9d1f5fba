using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.Jobs;

namespace Workflows.Core.Reminders;

/// <summary>Registers due-date reminders: the recurring sweep and the job that sends one reminder.</summary>
internal static class ReminderSetup
{
    public static IServiceCollection AddWorkflowsReminders(this IServiceCollection services)
    {
        // ReminderOptions are bound and checked with the other settings (CheckedSettings).
        services.AddSingleton<IJobHandler, DueReminderHandler>();
        services.AddSingleton<ReminderSweep>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<ReminderSweep>());
        services.AddSingleton<IJobStartup>(sp => sp.GetRequiredService<ReminderSweep>());
        return services;
    }
}
