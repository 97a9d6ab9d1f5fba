namespace Workflows.Core.Automations;

/// <summary>The payload of an <c>automation-task</c> job: the SCHEDULED task to start when the job is due.</summary>
internal sealed record ScheduledTaskPayload(string ExecutionId, string TaskId);
