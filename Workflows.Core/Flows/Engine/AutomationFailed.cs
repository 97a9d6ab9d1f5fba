namespace Workflows.Core.Flows.Engine;

/// <summary>The automation of an AUTOMATION task failed; the reason is shown on the task.</summary>
internal sealed record AutomationFailed(string TaskId, string Reason) : FlowCommand;
