namespace Workflows.Core.Flows.Engine;

/// <summary>
/// One change to an execution, for the history timeline, automations, entity sync and live pages.
/// <see cref="Summary"/> is its sentence in English as the API sends it, <see cref="Line"/> the same sentence for any
/// language (null on events from before lines were kept); <see cref="Detail"/> carries the value
/// that changed where there is one (a status, a due date, the chosen branch, a failure reason).
/// </summary>
public sealed record FlowEvent
{
    public required FlowEventType Type { get; init; }

    public required string ExecutionId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required FlowActor Actor { get; init; }

    public required string Summary { get; init; }

    public HistoryLine? Line { get; init; }

    public string? TaskId { get; init; }

    public string? PhaseId { get; init; }

    public string? Detail { get; init; }
}
