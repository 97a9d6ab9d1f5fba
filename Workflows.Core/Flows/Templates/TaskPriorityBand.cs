namespace Workflows.Core.Flows.Templates;

/// <summary>The words for ranges of <see cref="TaskPriority"/>, lowest first.</summary>
public enum TaskPriorityBand
{
    Low,
    Medium,
    High,
    Critical,
}
