using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Sidebar;

/// <summary>An automation task of one of a record's workflows, and when it runs if it is scheduled.</summary>
public sealed record AutomationStep(FlowExecution Execution, ExecutionTask Task, DateTimeOffset? RunsAt);
