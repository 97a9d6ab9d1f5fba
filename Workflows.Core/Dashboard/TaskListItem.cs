using System.Text.Json.Serialization;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Dashboard;

/// <summary>One task as a dashboard row or card shows it, read from the flattened task table.</summary>
public sealed record TaskListItem
{
    public required string ExecutionId { get; init; }

    public required string TaskId { get; init; }

    public required string Name { get; init; }

    public required string TaskType { get; init; }

    public required string Status { get; init; }

    public bool IsOpen { get; init; }

    /// <summary>False while requirements wait: the card shows it locked.</summary>
    public bool Enabled { get; init; }

    public bool IsCurrent { get; init; }

    public bool Overdue { get; init; }

    public string? PhaseId { get; init; }

    public string? PhaseName { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public string? DueText { get; init; }

    /// <summary>The dynamic due rule <see cref="DueText"/> words in English, for pages to word in the reader's language.</summary>
    [JsonIgnore]
    public PendingDueRule? DueRule { get; init; }

    public IReadOnlyList<string> AssignedTo { get; init; } = [];

    public string? TemplateId { get; init; }

    public required string WorkflowName { get; init; }

    public required string EntityId { get; init; }

    public string? EntitySchema { get; init; }

    public string? EntityTitle { get; init; }

    public bool HasJourney { get; init; }

    public bool HasAutomation { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int Priority { get; init; } = TaskPriority.Default;

    public DateOnly? FollowUpOn { get; init; }
}
