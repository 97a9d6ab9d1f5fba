namespace Workflows.Core.Flows.Executions;

/// <summary>Status of a phase in an execution (the spec's <c>SectionStatus</c>); always derived from its tasks.</summary>
public enum PhaseStatus
{
    OPEN,
    IN_PROGRESS,
    COMPLETED,
}
