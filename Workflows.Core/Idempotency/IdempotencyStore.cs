using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Localization;

namespace Workflows.Core.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c>s in the database, so every instance sees them: a key is claimed by inserting it (the primary
/// key on owner and key lets exactly one of several parallel requests in), its successful response is stored for
/// <see cref="Retention"/>, and a failed request releases it so the client may retry with the same key.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxKeyLength = 255;

    /// <summary>How long a key and its response are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>How long a running first request holds its key; after that it counts as abandoned (its instance died).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private long nextSweep;

    /// <summary>Null when <paramref name="key"/> is usable: 1 to 255 visible ASCII characters.</summary>
    public static Refusal? CheckKey(string key) =>
        key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~')
            ? Refusal.Invalid(RefusalText.Of("IdempotencyKeyInvalid", MaxKeyLength))
            : null;

    public async Task<IdempotencyClaim> ClaimAsync(string owner, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await SweepIfDueAsync(now, cancellationToken);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(e => e.Owner == owner && e.Key == key, cancellationToken);
            if (existing is not null && existing.ExpiresAt > now && !(existing.LockedUntil <= now))
            {
                return Answer(existing, fingerprint);
            }

            if (existing is not null)
            {
                // Expired, or held by a request that never finished: free it. The condition keeps a key another
                // request claimed a moment ago.
                await db.IdempotencyKeys
                    .Where(e => e.Owner == owner && e.Key == key && (e.ExpiresAt <= now || e.LockedUntil <= now))
                    .ExecuteDeleteAsync(cancellationToken);
            }

            db.IdempotencyKeys.Add(new IdempotencyEntry
            {
                Owner = owner,
                Key = key,
                Fingerprint = fingerprint,
                CreatedAt = now,
                ExpiresAt = now + Retention,
                LockedUntil = now + Lease,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return IdempotencyClaim.Run;
            }
            catch (DbUpdateException)
            {
                // A parallel request with the same key inserted it first; look again at what it left.
            }
        }

        return IdempotencyClaim.InFlight;
    }

    public async Task CompleteAsync(string owner, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var headers = JsonSerializer.Serialize(response.Headers);
        await db.IdempotencyKeys
            .Where(e => e.Owner == owner && e.Key == key)
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(e => e.Status, response.Status)
                    .SetProperty(e => e.Headers, headers)
                    .SetProperty(e => e.Body, response.Body),
                cancellationToken);
    }

    /// <summary>Forgets a key whose request failed, so a retry with it runs again.</summary>
    public async Task ReleaseAsync(string owner, string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyKeys.Where(e => e.Owner == owner && e.Key == key && e.LockedUntil != null).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes every expired key; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyKeys.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private static IdempotencyClaim Answer(IdempotencyEntry entry, string fingerprint)
    {
        if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return IdempotencyClaim.Mismatch;
        }

        if (entry.LockedUntil is not null || entry.Status is not { } status)
        {
            return IdempotencyClaim.InFlight;
        }

        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(entry.Headers ?? "{}") ?? [];
        return new IdempotencyClaim(IdempotencyClaimKind.Replay, new StoredResponse(status, headers, entry.Body ?? []));
    }

    /// <summary>Expired keys are cleaned on the way: at most once a minute per instance, by whichever request comes.</summary>
    private async Task SweepIfDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref nextSweep);
        if (now.ToUnixTimeMilliseconds() < due
            || Interlocked.CompareExchange(ref nextSweep, (now + SweepEvery).ToUnixTimeMilliseconds(), due) != due)
        {
            return;
        }

        await SweepAsync(cancellationToken);
    }
}
