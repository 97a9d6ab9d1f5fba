using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>Overrides a due date with a fixed one, replaces it with a dynamic one, or clears it (both null).</summary>
public sealed record SetDueDate(FlowItemRef Target, FlowDueDate? DueDate, DueDateConfig? Config = null) : FlowCommand;
