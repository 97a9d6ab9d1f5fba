namespace Workflows.Core.Flows.Engine;

/// <summary>Gives a task a priority of 0 to 100, or takes it back to the default (null).</summary>
public sealed record SetPriority(string TaskId, int? Priority) : FlowCommand;
