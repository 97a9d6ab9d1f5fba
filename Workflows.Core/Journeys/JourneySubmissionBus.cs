namespace Workflows.Core.Journeys;

/// <summary>
/// In-process fan-out of committed journey submissions. Subscribers must be quick and must not throw: an automation
/// worker enqueues a job, a live page schedules a re-render.
/// </summary>
public sealed class JourneySubmissionBus
{
    private readonly Lock gate = new();
    private Action<JourneySubmitted>[] handlers = [];

    public IDisposable Subscribe(Action<JourneySubmitted> handler)
    {
        lock (gate)
        {
            handlers = [.. handlers, handler];
        }

        return new Subscription(this, handler);
    }

    public void Publish(JourneySubmitted submitted)
    {
        foreach (var handler in handlers)
        {
            handler(submitted);
        }
    }

    private void Unsubscribe(Action<JourneySubmitted> handler)
    {
        lock (gate)
        {
            handlers = [.. handlers.Where(h => h != handler)];
        }
    }

    private sealed class Subscription(JourneySubmissionBus bus, Action<JourneySubmitted> handler) : IDisposable
    {
        public void Dispose() => bus.Unsubscribe(handler);
    }
}
