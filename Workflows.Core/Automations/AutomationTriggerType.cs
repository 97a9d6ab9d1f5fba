namespace Workflows.Core.Automations;

/// <summary>What starts an automation: a person (from a task or a record), a record event, or a workflow event.</summary>
public enum AutomationTriggerType
{
    Manual,
    EntityCreated,
    EntityUpdated,
    FlowStarted,
    TaskCompleted,
    PhaseCompleted,
    FlowCompleted,
    FlowCancelled,
    JourneySubmitted,
}
