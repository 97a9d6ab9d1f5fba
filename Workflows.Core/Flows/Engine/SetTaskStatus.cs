using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>Moves a task to IN_PROGRESS, COMPLETED, SKIPPED, ON_HOLD or back to PENDING; PENDING on a finished task reopens it, and <paramref name="RevertExecution"/> then resets every task after it.</summary>
public sealed record SetTaskStatus(string TaskId, StepStatus Status, bool RevertExecution = false) : FlowCommand;
