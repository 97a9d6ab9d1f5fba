namespace Workflows.Core.Flows.Engine;

/// <summary>Kinds of history events. Names shared with <see cref="EntitySyncEvent"/> mean the same thing.</summary>
public enum FlowEventType
{
    FlowStarted,
    FlowCompleted,
    FlowCancelled,
    FlowReopened,
    FlowDeleted,
    FlowAssigned,
    FlowDueDateChanged,
    CurrTaskChanged,
    TaskCompleted,
    TaskSkipped,
    TaskMarkedInProgress,
    TaskMarkedOnHold,
    TaskMarkedPending,
    TaskReopened,
    TaskFailed,
    TaskAssigned,
    TaskDueDateChanged,
    TaskAdded,
    DecisionEvaluated,
    LoopIterationStarted,
    PhaseMarkedInProgress,
    PhaseCompleted,
    PhaseAssigned,
    PhaseDueDateChanged,
    AutomationTaskScheduled,
    AutomationScheduleCancelled,

    /// <summary>A journey was submitted from a task; recorded by the journey service, never by the engine.</summary>
    JourneySubmitted,
    TaskPriorityChanged,
    TaskFollowUpChanged,
}
