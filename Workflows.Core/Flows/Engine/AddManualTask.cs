using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Inserts a hand-made MANUAL task between <see cref="PreviousTaskId"/> and <see cref="NextTaskId"/>
/// (either may be null, not both); an edge between them is rewired through the new task.
/// </summary>
public sealed record AddManualTask(string TaskId, string Name, string? PreviousTaskId, string? NextTaskId) : FlowCommand
{
    public string? PhaseId { get; init; }

    public FlowDueDate? DueDate { get; init; }

    public IReadOnlyList<Assignee>? AssignedTo { get; init; }
}
