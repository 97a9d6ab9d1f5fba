namespace Workflows.Core.Automations;

/// <summary>An automation task that was started and now waits for the job worker to run its automation.</summary>
public sealed record AutomationRunRequest(
    string ExecutionId, string TaskId, string? AutomationFlowId, string AutomationExecutionId, string RequestedBy, DateTimeOffset RequestedAt)
{
    /// <summary>The requester's display name, for the run's history.</summary>
    public string? RequestedByName { get; init; }
}
