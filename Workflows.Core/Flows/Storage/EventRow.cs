using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Flows.Storage;

/// <summary>One entry of an execution's append-only history.</summary>
public sealed class EventRow
{
    public long Id { get; init; }

    public required string ExecutionId { get; init; }

    public required string Type { get; init; }

    public string? TaskId { get; init; }

    public string? PhaseId { get; init; }

    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Summary { get; init; }

    public string? Detail { get; init; }

    /// <summary>The sentence of <see cref="Summary"/> as a key and arguments, to read in any language; null on events written before it was kept.</summary>
    public HistoryLine? Line { get; init; }
}
