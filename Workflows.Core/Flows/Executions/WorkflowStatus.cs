namespace Workflows.Core.Flows.Executions;

/// <summary>Status of a flow execution.</summary>
public enum WorkflowStatus
{
    STARTED,
    DONE,
    CLOSED,
}
