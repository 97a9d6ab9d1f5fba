namespace Workflows.Core.Automations;

/// <summary>
/// A run to create. <see cref="IdempotencyKey"/> is per (event, automation): dispatching the same request twice
/// creates one run. A run for a task is created even for a disabled automation, so that the task fails visibly.
/// </summary>
public sealed record RunRequest(string AutomationId, AutomationEvent Event, string IdempotencyKey, string TriggerSummary)
{
    public string RunId { get; init; } = Guid.NewGuid().ToString();

    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }

    public string? RequestedBy { get; init; }

    public bool ForTask => TaskId is not null;
}
