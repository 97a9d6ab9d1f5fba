namespace Workflows.Core.Flows.Engine;

/// <summary>Closes (cancels) the workflow with reasons from its template's set and an optional text.</summary>
public sealed record CloseFlow(IReadOnlyList<string> ReasonIds, string? Text = null) : FlowCommand;
