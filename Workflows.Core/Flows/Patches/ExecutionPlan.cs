using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Patches;

/// <summary>
/// What a request means for one workflow: the engine commands for the workflow as loaded (or why the request does not
/// fit it), or the refusal the request earned on its own, before anything is loaded.
/// </summary>
public sealed record ExecutionPlan
{
    private ExecutionPlan(Refusal? refusal, Func<FlowExecution, Outcome<IReadOnlyList<FlowCommand>>> commandsFor)
    {
        Refusal = refusal;
        CommandsFor = commandsFor;
    }

    /// <summary>Why the request is refused whatever the workflow looks like; null when it depends on the workflow.</summary>
    public Refusal? Refusal { get; }

    /// <summary>The commands, in the order they apply, for the workflow as loaded; it must not change the workflow.</summary>
    public Func<FlowExecution, Outcome<IReadOnlyList<FlowCommand>>> CommandsFor { get; }

    public static ExecutionPlan For(Func<FlowExecution, Outcome<IReadOnlyList<FlowCommand>>> commandsFor) => new(null, commandsFor);

    public static implicit operator ExecutionPlan(Refusal refusal) => new(refusal, _ => refusal);
}
