namespace Workflows.Core.Flows.Templates;

/// <summary>Event that fires an <see cref="EntitySync"/> rule (names as the spec's EventBridge events).</summary>
public enum EntitySyncEvent
{
    FlowStarted,
    FlowCompleted,
    FlowCancelled,
    FlowReopened,
    FlowDeleted,
    FlowAssigned,
    FlowDueDateChanged,
    FlowContextsChanged,
    TaskUpdated,
    CurrTaskChanged,
    TaskCompleted,
    TaskSkipped,
    TaskMarkedInProgress,
    TaskMarkedOnHold,
    PhaseUpdated,
    PhaseCompleted,
    PhaseSkipped,
    PhaseMarkedInProgress,
}
