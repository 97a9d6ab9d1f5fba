namespace Workflows.Core.Flows.Engine;

/// <summary>The automation of an AUTOMATION task began to run.</summary>
internal sealed record AutomationStarted(string TaskId, string? AutomationExecutionId = null) : FlowCommand;
