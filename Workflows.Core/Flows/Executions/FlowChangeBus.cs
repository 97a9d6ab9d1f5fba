namespace Workflows.Core.Flows.Executions;

/// <summary>
/// In-process fan-out of committed <see cref="FlowChange"/>s. Subscribers must be quick and must not throw:
/// a live page schedules a re-render, a worker enqueues a job.
/// </summary>
public sealed class FlowChangeBus
{
    private readonly Lock gate = new();
    private ImmutableSubscribers subscribers = new([]);

    public IDisposable Subscribe(Action<FlowChange> handler)
    {
        lock (gate)
        {
            subscribers = new([.. subscribers.Handlers, handler]);
        }

        return new Subscription(this, handler);
    }

    public void Publish(FlowChange change)
    {
        foreach (var handler in subscribers.Handlers)
        {
            handler(change);
        }
    }

    private void Unsubscribe(Action<FlowChange> handler)
    {
        lock (gate)
        {
            subscribers = new([.. subscribers.Handlers.Where(h => h != handler)]);
        }
    }

    private sealed record ImmutableSubscribers(Action<FlowChange>[] Handlers);

    private sealed class Subscription(FlowChangeBus bus, Action<FlowChange> handler) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(handler);
    }
}
