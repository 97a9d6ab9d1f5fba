namespace Workflows.Core.Automations;

/// <summary>What one step of an automation does.</summary>
public enum AutomationActionType
{
    UpdateEntity,
    TriggerWorkflow,
    SendEmail,
    CallWebhook,
    AddNote,
    CompleteTask,
    AssignRoundRobin,
    SetPriority,
    SetFollowUp,
}
