namespace Workflows.Core.Reminders;

/// <summary>The payload of a <c>due-reminder</c> job: which task, which kind, and the due date it was about.</summary>
internal sealed record ReminderPayload(string ExecutionId, string TaskId, ReminderKind Kind, DateTimeOffset DueAt);
