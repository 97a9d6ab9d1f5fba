namespace Workflows.Core.Flows.Executions;

/// <summary>A task someone ticked for a bulk operation, with what a page already knows of it (its name, its assignees).</summary>
public sealed record SelectedTask(string ExecutionId, string TaskId, string Name, IReadOnlyList<string> AssignedTo);
