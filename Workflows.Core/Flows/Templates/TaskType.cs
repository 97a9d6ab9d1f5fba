namespace Workflows.Core.Flows.Templates;

/// <summary>Kind of a task, spelled as the spec's <c>TaskType</c>.</summary>
public enum TaskType
{
    MANUAL,
    AUTOMATION,
    DECISION,
    AI_AGENT,
}
