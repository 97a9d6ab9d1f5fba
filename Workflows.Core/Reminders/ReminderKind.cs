namespace Workflows.Core.Reminders;

public enum ReminderKind
{
    DueSoon,
    Overdue,
}
