namespace Workflows.Core.Automations;

/// <summary>
/// What happened, as automations see it: a record created or updated, or a workflow event, with the record it is
/// about. Stored with the run, serialised into webhooks, and the source of <c>{{event.*}}</c> values.
/// </summary>
public sealed record AutomationEvent
{
    public string Id { get; init; } = Guid.NewGuid().ToString();

    public AutomationTriggerType Type { get; init; }

    public DateTimeOffset At { get; init; }

    public string? ActorId { get; init; }

    public string? ActorName { get; init; }

    public string? EntityId { get; init; }

    public string? EntitySchema { get; init; }

    public string? ExecutionId { get; init; }

    public string? TemplateId { get; init; }

    public string? TaskId { get; init; }

    public string? TaskName { get; init; }

    public string? PhaseId { get; init; }

    public string? PhaseName { get; init; }

    public List<string>? ChangedAttributes { get; init; }
}
