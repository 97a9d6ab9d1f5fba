namespace Workflows.Core.Flows.Engine;

/// <summary>Sets the day a task is followed up on (see <see cref="Executions.TaskFollowUp"/>), or clears it (null).</summary>
public sealed record SetFollowUp(string TaskId, DateOnly? Date) : FlowCommand;
