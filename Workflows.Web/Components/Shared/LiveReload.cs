using Workflows.Core.Flows.Executions;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// Keeps a live list (the dashboard, the board) in step with other people's changes: every workflow change restarts a
/// short pause, and when the changes stop for that long the list is read again, once. Many changes can arrive at once
/// (a bulk operation elsewhere); the list is read once after them, not once per change.
/// </summary>
public sealed class LiveReload : IDisposable
{
    /// <summary>How long changes must stop before the list is read again.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(700);

    private readonly Timer timer;
    private readonly IDisposable subscription;

    /// <param name="reload">Reads the list again and renders it (on the component's dispatcher: pass <c>InvokeAsync</c> wrapped work).</param>
    public LiveReload(FlowChangeBus changes, Func<Task> reload)
    {
        timer = new Timer(_ => _ = reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        subscription = changes.Subscribe(_ => timer.Change(Pause, Timeout.InfiniteTimeSpan));
    }

    public void Dispose()
    {
        subscription.Dispose();
        timer.Dispose();
    }
}
