namespace Workflows.Core.Flows.Engine;

/// <summary>The things a person can ask of one task; <see cref="FlowEngine.Actions"/> says which the engine accepts now.</summary>
public enum TaskCommandKind
{
    Complete,
    MarkInProgress,
    Skip,
    PutOnHold,
    Resume,
    Reopen,
    ChooseBranch,
    RunAutomation,
    CancelSchedule,
    Retry,
}
