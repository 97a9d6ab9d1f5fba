namespace Workflows.Core.Flows.Executions;

/// <summary>How an execution was started (the execution spec's <c>TriggerType</c>).</summary>
public enum ExecutionTriggerType
{
    MANUAL,
    AUTOMATIC,
}
