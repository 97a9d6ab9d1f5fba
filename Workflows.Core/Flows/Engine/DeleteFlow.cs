namespace Workflows.Core.Flows.Engine;

/// <summary>Deletes the workflow: soft by default (kept, hidden, refused for commands); hard tells the store to remove it.</summary>
public sealed record DeleteFlow(bool Hard = false) : FlowCommand;
