using Workflows.Core.Flows.Executions;
using Workflows.Core.Jobs;

namespace Workflows.Core.Automations;

/// <summary>
/// Jobs the outbox adds inside a workflow change become visible when it commits; the committed change is published
/// on the bus, which wakes this process's worker instead of leaving the job to the next poll.
/// </summary>
internal sealed class WakeWorkerOnFlowChange(FlowChangeBus bus, JobSignal signal) : IJobStartup, IDisposable
{
    private IDisposable? subscription;

    public Task OnWorkerStartAsync(CancellationToken cancellationToken)
    {
        subscription ??= bus.Subscribe(_ => signal.Notify());
        return Task.CompletedTask;
    }

    public void Dispose() => subscription?.Dispose();
}
