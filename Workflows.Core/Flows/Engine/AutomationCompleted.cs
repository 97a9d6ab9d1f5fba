namespace Workflows.Core.Flows.Engine;

/// <summary>The automation of an AUTOMATION task succeeded.</summary>
internal sealed record AutomationCompleted(string TaskId) : FlowCommand;
