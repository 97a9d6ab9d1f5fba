namespace Workflows.Core.Flows.Engine;

/// <summary>Runs a FAILED automation again, or evaluates a FAILED decision again against the current record.</summary>
internal sealed record RetryTask(string TaskId) : FlowCommand;
