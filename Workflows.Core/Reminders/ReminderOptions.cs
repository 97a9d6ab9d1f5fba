namespace Workflows.Core.Reminders;

/// <summary>Due-date reminders (configuration section <c>Reminders</c>).</summary>
internal sealed class ReminderOptions
{
    /// <summary>How long before a task is due its assignees are reminded.</summary>
    public TimeSpan DueSoonLead { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often open tasks are checked for coming and passed due dates.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
