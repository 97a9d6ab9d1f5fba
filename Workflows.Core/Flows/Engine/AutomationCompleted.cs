namespace Workflows.Core.Flows.Engine;

/// <summary>The automation of an AUTOMATION task succeeded.</summary>
public sealed record AutomationCompleted(string TaskId) : FlowCommand;
