namespace Workflows.Core.Flows.Templates;

/// <summary>What an <see cref="EnableRequirement"/> waits for.</summary>
public enum RequirementWhen
{
    TASK_FINISHED,
    PHASE_FINISHED,
}
