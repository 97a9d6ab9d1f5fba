namespace Workflows.Core.Flows;

/// <summary>Status of a flow execution.</summary>
public enum WorkflowStatus
{
    STARTED,
    DONE,
    CLOSED,
}
