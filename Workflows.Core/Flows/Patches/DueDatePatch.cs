using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Patches;

/// <summary>A due-date change: a fixed date, a rule that computes it, or neither (which clears it).</summary>
public sealed record DueDatePatch(FlowDueDate? Date, DueDateConfig? Config)
{
    public SetDueDate For(FlowItemRef target) => new(target, Date, Config);
}
