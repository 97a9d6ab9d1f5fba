namespace Workflows.Core.Automations;

/// <summary>One run of an automation: why it ran, on what, its status, and a log entry per action.</summary>
public sealed class AutomationRun
{
    public required string Id { get; init; }

    public required string AutomationId { get; init; }

    public string AutomationName { get; set; } = "";

    public AutomationRunStatus Status { get; set; } = AutomationRunStatus.Queued;

    public AutomationTriggerType TriggerType { get; init; }

    /// <summary>In words: "Task 'Send offer e-mail' run by Lena Schmidt", "Opportunity updated by …".</summary>
    public string TriggerSummary { get; init; } = "";

    public string? EntityId { get; init; }

    public string? EntitySchema { get; init; }

    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }

    public AutomationEvent Event { get; init; } = new();

    public string? JobId { get; set; }

    public int Attempts { get; set; }

    public string? Error { get; set; }

    public List<ActionLog> Actions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? RequestedBy { get; init; }
}
