namespace Workflows.Core.Flows.Executions;

/// <summary>Status of a task in an execution (the spec's <c>StepStatus</c>; UNASSIGNED and ASSIGNED are deprecated aliases of PENDING).</summary>
public enum StepStatus
{
    UNASSIGNED,
    ASSIGNED,
    COMPLETED,
    SKIPPED,
    IN_PROGRESS,
    SCHEDULED,
    PENDING,
    CONDITION_PENDING,
    WAITING_FOR_CONFIRMATION,
    ON_HOLD,
    FAILED,
}
