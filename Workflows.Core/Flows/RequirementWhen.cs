namespace Workflows.Core.Flows;

/// <summary>What an <see cref="EnableRequirement"/> waits for.</summary>
public enum RequirementWhen
{
    TASK_FINISHED,
    PHASE_FINISHED,
}
