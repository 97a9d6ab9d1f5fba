using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;

namespace Workflows.Core.Automations;

/// <summary>
/// Which trigger types some enabled automation listens to, so the outbox asks the database once per few seconds
/// instead of once per event type in every workflow change. <see cref="Changed"/> (called by every write of an
/// automation in this process) drops what was read; a write made by another instance is seen within
/// <see cref="KeepFor"/>. A stale "yes" costs one job that finds no automation; a "no" is never older than that.
/// </summary>
public sealed class AutomationListeners(IDbContextFactory<WorkflowsDbContext> dbFactory)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(5);

    private Snapshot? current;
    private long generation;

    public async ValueTask<bool> ListensAsync(AutomationTriggerType type, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is null || Environment.TickCount64 - snapshot.ReadAt > KeepFor.TotalMilliseconds)
        {
            snapshot = await ReadAsync(cancellationToken);
        }

        return snapshot.Types.Contains(type);
    }

    /// <summary>An automation was created, changed, enabled, disabled or deleted.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref generation);
        Volatile.Write(ref current, null);
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var readFor = Interlocked.Read(ref generation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var kinds = await db.Automations.AsNoTracking().Where(a => a.Enabled).Select(a => a.TriggerKinds).Distinct().ToListAsync(cancellationToken);
        var types = kinds
            .SelectMany(k => k.Split('|', StringSplitOptions.RemoveEmptyEntries))
            .Select(k => Enum.TryParse<AutomationTriggerType>(k, out var type) ? type : (AutomationTriggerType?)null)
            .OfType<AutomationTriggerType>()
            .ToHashSet();
        var snapshot = new Snapshot(types, Environment.TickCount64);
        // A change that happened while this was read may not be in it: keep it only for this caller.
        if (Interlocked.Read(ref generation) == readFor)
        {
            Volatile.Write(ref current, snapshot);
        }

        return snapshot;
    }

    private sealed record Snapshot(HashSet<AutomationTriggerType> Types, long ReadAt);
}
