using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Webhooks;

/// <summary>
/// The enabled subscriptions as the outbox matches events against them, read once per few seconds instead of in every
/// workflow change. <see cref="Changed"/> (called by every write of a subscription in this process) drops what was
/// read; a write by another instance is seen within <see cref="KeepFor"/>.
/// </summary>
public sealed class WebhookSubscribers(IDbContextFactory<WorkflowsDbContext> dbFactory)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(5);

    private Snapshot? current;
    private long generation;

    /// <summary>The enabled subscriptions that want this event of a workflow from this template.</summary>
    public async ValueTask<IReadOnlyList<WebhookSubscription>> ForAsync(FlowEventType type, string? templateId, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is null || Environment.TickCount64 - snapshot.ReadAt > KeepFor.TotalMilliseconds)
        {
            var readFor = Interlocked.Read(ref generation);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            snapshot = new Snapshot(await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken), Environment.TickCount64);
            // A change made while this was read may be missing from it: keep it only for this caller.
            if (Interlocked.Read(ref generation) == readFor)
            {
                Volatile.Write(ref current, snapshot);
            }
        }

        return [.. snapshot.Subscriptions.Where(s => s.Wants(type, templateId))];
    }

    /// <summary>A subscription was created, changed, enabled, disabled or deleted.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref current, null);
    }

    private sealed record Snapshot(List<WebhookSubscription> Subscriptions, long ReadAt);
}
