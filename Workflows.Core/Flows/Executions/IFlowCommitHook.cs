namespace Workflows.Core.Flows.Executions;

/// <summary>
/// Sees every change to an execution inside its transaction, before it is saved, and may add rows to it: how
/// automations get a durable outbox of workflow events without the engine knowing them.
/// </summary>
public interface IFlowCommitHook
{
    Task OnCommitAsync(FlowCommit commit, CancellationToken cancellationToken);
}
