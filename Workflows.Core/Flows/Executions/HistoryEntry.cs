using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// One entry of an execution's history as pages and tests read it: what happened, to what, by whom and when.
/// <see cref="Summary"/> is the stored English sentence; <see cref="Line"/> words it in any language (null on older events).
/// </summary>
public sealed record HistoryEntry(
    string ExecutionId, string Type, string? TaskId, string? PhaseId, string ActorId, string ActorName, DateTimeOffset At, string Summary, string? Detail,
    HistoryLine? Line = null);
