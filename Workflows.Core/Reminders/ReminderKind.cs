namespace Workflows.Core.Reminders;

internal enum ReminderKind
{
    DueSoon,
    Overdue,
}
