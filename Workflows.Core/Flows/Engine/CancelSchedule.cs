namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Cancels the scheduled run of an automation task: as the spec's <c>cancelTaskSchedule</c> says, the schedule is
/// dropped and the task is skipped, so the workflow moves on without it.
/// </summary>
public sealed record CancelSchedule(string TaskId) : FlowCommand;
