using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>Replaces who the workflow, a phase or a task is assigned to; variables are resolved.</summary>
public sealed record Assign(FlowItemRef Target, IReadOnlyList<Assignee> Assignees) : FlowCommand;
