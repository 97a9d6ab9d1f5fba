namespace Workflows.Core.Dashboard;

/// <summary>
/// Which tasks a dashboard, a partner's list or an API client wants. Every filter is optional; the defaults give the
/// open tasks of everyone, soonest due first.
/// </summary>
public sealed record TaskQuery
{
    /// <summary>Tasks assigned to any of these ids (users, groups, partners). Empty: anyone's, assigned or not.</summary>
    public IReadOnlyList<string> AssigneeIds { get; init; } = [];

    /// <summary>Only tasks assigned to nobody.</summary>
    public bool Unassigned { get; init; }

    public TaskStatusFilter Status { get; init; } = TaskStatusFilter.Open;

    /// <summary>With <see cref="TaskStatusFilter.Exactly"/>: the one task status (the spec's StepStatus name).</summary>
    public string? ExactStatus { get; init; }

    /// <summary>Due at or after this instant.</summary>
    public DateTimeOffset? DueFrom { get; init; }

    /// <summary>Due at or before this instant.</summary>
    public DateTimeOffset? DueTo { get; init; }

    /// <summary>Finished at or after this instant ("completed this week").</summary>
    public DateTimeOffset? FinishedFrom { get; init; }

    /// <summary>Open and due before now.</summary>
    public bool Overdue { get; init; }

    /// <summary>Only tasks without a due date.</summary>
    public bool NoDueDate { get; init; }

    /// <summary>Tasks in a phase of this name (any workflow), any case.</summary>
    public string? PhaseName { get; init; }

    public string? TemplateId { get; init; }

    public string? EntitySchema { get; init; }

    public string? EntityId { get; init; }

    public string? ExecutionId { get; init; }

    /// <summary>Part of the task's, workflow's or record's name, any case.</summary>
    public string? Text { get; init; }

    public TaskSort Sort { get; init; } = TaskSort.DueDate;

    /// <summary>Zero-based page number.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = 50;

    public const int MaxPageSize = 500;

    /// <summary>
    /// Conditions on the primary record's filterable attributes (<see cref="RecordAttributeFilters.ApplyAsync"/>), all of
    /// which its values must meet.
    /// </summary>
    public IReadOnlyList<RecordAttributeCondition> RecordAttributes { get; init; } = [];
    /// <summary>Priority at least this (0–100).</summary>
    public int? PriorityFrom { get; init; }

    /// <summary>Priority at most this (0–100).</summary>
    public int? PriorityTo { get; init; }

    /// <summary>Also the tasks whose follow-up day has not come yet (see <see cref="HidesFollowUps"/>).</summary>
    public bool ShowFollowUps { get; init; }

    /// <summary>
    /// Someone's open tasks leave out those still waiting for their follow-up day, unless asked for. Everyone's list
    /// (a supervisor's overview) and the lists of finished or all tasks show them.
    /// </summary>
    public bool HidesFollowUps => AssigneeIds.Count > 0 && Status == TaskStatusFilter.Open && !ShowFollowUps;

    /// <summary>Today in the tenant's calendar, which the follow-up days are compared with; the search sets it.</summary>
    internal DateOnly Today { get; init; }
}
