namespace Workflows.Core.Flows.Storage;

/// <summary>
/// That a task is assigned to a user, group or partner. <see cref="IsOpen"/>, <see cref="DueAt"/> and <see cref="FollowUpOn"/> repeat the
/// task's, so "open tasks of this person by due date" is one range scan of (AssigneeId, IsOpen, DueAt).
/// </summary>
public sealed class TaskAssigneeRow
{
    public required string AssigneeId { get; init; }

    public required string ExecutionId { get; init; }

    public required string TaskId { get; init; }

    public bool IsOpen { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    /// <summary>The task's follow-up day, repeated so a person's open list leaves out the tasks still waiting for it.</summary>
    public DateOnly? FollowUpOn { get; set; }
}
