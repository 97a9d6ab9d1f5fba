namespace Workflows.Core.Flows.Engine;

/// <summary>Runs a FAILED automation again, or evaluates a FAILED decision again against the current record.</summary>
public sealed record RetryTask(string TaskId) : FlowCommand;
