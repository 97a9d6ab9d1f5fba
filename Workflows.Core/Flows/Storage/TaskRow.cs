using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Storage;

/// <summary>
/// One task of one execution, flattened for dashboards: everything a task list filters, sorts or shows, so
/// "open tasks of X by due date" reads one index range without opening execution documents.
/// </summary>
public sealed class TaskRow
{
    public required string ExecutionId { get; init; }

    public required string TaskId { get; init; }

    public required string Name { get; set; }

    public required string TaskType { get; set; }

    public required string Status { get; set; }

    /// <summary>Not finished, and its workflow is running (not done, closed or deleted).</summary>
    public bool IsOpen { get; set; }

    public bool Enabled { get; set; }

    public bool IsCurrent { get; set; }

    public string? PhaseId { get; set; }

    public string? PhaseName { get; set; }

    /// <summary>The last instant the due date covers; null when there is none (yet).</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>
    /// <see cref="DueAt"/>, or the largest instant when there is none: "soonest due first, no due date last" is then
    /// one ascending index order, which an ORDER BY on <c>DueAt IS NULL, DueAt</c> can never be.
    /// </summary>
    public DateTimeOffset DueSort { get; set; }

    /// <summary>As the user sees it: "2026-12-01", an instant, or "3 days after Check documents".</summary>
    public string? DueText { get; set; }

    /// <summary>The dynamic due rule <see cref="DueText"/> words in English, kept so lists word it in the reader's language.</summary>
    public PendingDueRule? DueRule { get; set; }

    public bool Unassigned { get; set; }

    public string? TemplateId { get; set; }

    public required string WorkflowName { get; set; }

    public required string EntityId { get; set; }

    public string? EntitySchema { get; set; }

    public string? EntityTitle { get; set; }

    public bool HasJourney { get; set; }

    public bool HasAutomation { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Lower-cased task, workflow and record names for text search on every provider.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The priority the task counts with (<see cref="TaskPriority.Of"/>), never null so one index orders by it.</summary>
    public int Priority { get; set; } = TaskPriority.Default;

    /// <summary>The task's follow-up day, if any.</summary>
    public DateOnly? FollowUpOn { get; set; }
}
