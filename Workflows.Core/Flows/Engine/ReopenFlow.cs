namespace Workflows.Core.Flows.Engine;

/// <summary>Reopens a CLOSED workflow, or a DONE one by reopening the task finished last.</summary>
public sealed record ReopenFlow : FlowCommand;
