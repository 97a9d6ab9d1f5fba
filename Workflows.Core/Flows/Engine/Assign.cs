using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>Replaces who the workflow, a phase or a task is assigned to; variables are resolved.</summary>
public sealed record Assign(FlowItemRef Target, IReadOnlyList<Assignee> Assignees) : FlowCommand
{
    /// <summary>
    /// For a task: the team the new assignees take it from (a claim or a round-robin hand-out), kept on the task so a
    /// release can give it back. Any other assignment forgets it.
    /// </summary>
    public string? Team { get; init; }
}
