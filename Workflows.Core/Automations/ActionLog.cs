namespace Workflows.Core.Automations;

/// <summary>How one action of a run went: when, how long, and what it did or why it failed.</summary>
public sealed record ActionLog
{
    public required string ActionId { get; init; }

    public AutomationActionType Type { get; init; }

    public string Label { get; init; } = "";

    public ActionStatus Status { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public long DurationMs { get; init; }

    /// <summary>What it did ("E-mail sent to …"), or why it was skipped or failed.</summary>
    public string? Message { get; init; }

    public int Attempt { get; init; }
}
