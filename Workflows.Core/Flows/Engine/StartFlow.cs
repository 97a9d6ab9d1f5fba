using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Engine;

/// <summary>Starts a template on records; the caller chooses the execution id. See <see cref="FlowEngine.Start"/>.</summary>
public sealed record StartFlow(string ExecutionId, IReadOnlyList<EntityRef> Contexts)
{
    public ExecutionTrigger? Trigger { get; init; }

    /// <summary>Set when an automation started by another workflow starts this one.</summary>
    public ExecutionChain? ExecutionChain { get; init; }
}
