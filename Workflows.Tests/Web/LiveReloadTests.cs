using Workflows.Core.Flows.Executions;
using Workflows.Web.Components.Shared;

namespace Workflows.Tests.Web;

/// <summary>A burst of workflow changes reads a live list once, after the changes stop; none after it is disposed.</summary>
public sealed class LiveReloadTests
{
    private static FlowChange Change(int version) => new("wf-1", version, [], []);

    [Fact]
    public async Task A_burst_of_changes_reloads_once_after_the_pause_and_nothing_after_dispose()
    {
        var bus = new FlowChangeBus();
        var reloads = 0;
        var reloaded = new TaskCompletionSource();
        using (new LiveReload(bus, () =>
        {
            Interlocked.Increment(ref reloads);
            reloaded.TrySetResult();
            return Task.CompletedTask;
        }))
        {
            for (var i = 1; i <= 20; i++)
            {
                bus.Publish(Change(i));
            }

            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await Task.Delay(LiveReload.Pause * 2);
            Assert.Equal(1, reloads);
        }

        bus.Publish(Change(21));
        await Task.Delay(LiveReload.Pause * 2);
        Assert.Equal(1, reloads);
    }
}
