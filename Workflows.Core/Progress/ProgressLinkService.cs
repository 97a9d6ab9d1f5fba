using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Progress;

/// <summary>
/// Signed, expiring links that show one workflow's progress to its end customer, without an account. The token is the
/// execution id, the expiry and the issue time, signed by <see cref="IProgressLinkSigner"/>; the execution decides what
/// the page shows each time it is read, so a link follows the workflow live and dies with it (a deleted workflow).
/// Staff can withdraw every link of a workflow issued so far (<see cref="RevokeAsync"/>), one row per workflow.
/// </summary>
public sealed class ProgressLinkService(
    FlowExecutionService executions, IProgressLinkSigner signer, IDbContextFactory<WorkflowsDbContext> dbFactory, FlowChangeBus changes, TimeProvider clock)
{
    public const int DefaultDays = 30;

    public const int MaxDays = 90;

    /// <summary>A link to <paramref name="executionId"/>'s progress valid for <paramref name="days"/> days; staff only (<paramref name="scope"/> null).</summary>
    public async Task<Outcome<ProgressLink>> CreateAsync(string executionId, int days, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        if (scope is not null)
        {
            return Refusal.Forbidden(RefusalText.Of("ProgressShareStaffOnly"));
        }

        if (days is < 1 or > MaxDays)
        {
            return Refusal.Invalid(RefusalText.Of("ProgressLinkLifetime", MaxDays));
        }

        var execution = await executions.GetAsync(executionId, cancellationToken);
        return execution is null ? TaskAccess.NoWorkflow(executionId) : Create(execution.Id, TimeSpan.FromDays(days));
    }

    /// <summary>A link to a workflow the caller already holds, such as the one an automation e-mail is about.</summary>
    public ProgressLink Create(string executionId, TimeSpan validFor)
    {
        var now = clock.GetUtcNow();
        var expires = DateTimeOffset.FromUnixTimeSeconds((now + validFor).ToUnixTimeSeconds());
        var token = signer.Sign(string.Create(CultureInfo.InvariantCulture, $"{executionId}|{expires.ToUnixTimeSeconds()}|{now.ToUnixTimeMilliseconds()}"));
        return new ProgressLink(token, expires);
    }

    /// <summary>
    /// Withdraws every progress link of <paramref name="executionId"/> issued until now (a link sent to the wrong person,
    /// a customer who should no longer follow along); links made afterwards work. Staff only (<paramref name="scope"/> null).
    /// </summary>
    public async Task<Outcome<DateTimeOffset>> RevokeAsync(string executionId, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        if (scope is not null)
        {
            return Refusal.Forbidden(RefusalText.Of("ProgressWithdrawStaffOnly"));
        }

        if (await executions.GetAsync(executionId, cancellationToken) is not { } execution)
        {
            return TaskAccess.NoWorkflow(executionId);
        }

        var now = DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await MoveRevocationAsync(db, execution.Id, now, cancellationToken) == 0)
        {
            db.ProgressLinkRevocations.Add(new ProgressLinkRevocation { ExecutionId = execution.Id, RevokedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another withdrawal of the same workflow wrote its row first: move that one.
                await MoveRevocationAsync(db, execution.Id, now, cancellationToken);
            }
        }

        // An open progress page follows its workflow's changes: this one tells it (on every instance) to read its link again.
        changes.Publish(new FlowChange(execution.Id, execution.Version, [], []));
        return now;
    }

    /// <summary>What the link shows now: the customer's view while it is valid and its workflow exists, else why not.</summary>
    public async Task<ProgressOpening> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var payload = string.IsNullOrWhiteSpace(token) ? null : signer.Verify(token);
        if (payload is null || Read(payload) is not var (executionId, expiresSeconds, issuedMilliseconds))
        {
            return ProgressOpening.Invalid;
        }

        if (clock.GetUtcNow().ToUnixTimeSeconds() >= expiresSeconds)
        {
            return new ProgressOpening(ProgressLinkState.Expired);
        }

        var execution = await executions.GetAsync(executionId, cancellationToken);
        if (execution is null)
        {
            return ProgressOpening.Invalid;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revokedAt = await db.ProgressLinkRevocations.AsNoTracking().Where(r => r.ExecutionId == execution.Id)
            .Select(r => (DateTimeOffset?)r.RevokedAt).SingleOrDefaultAsync(cancellationToken);
        return revokedAt is { } revoked && issuedMilliseconds <= revoked.ToUnixTimeMilliseconds()
            ? new ProgressOpening(ProgressLinkState.Revoked)
            : new ProgressOpening(ProgressLinkState.Valid, CustomerProgress.Of(execution), execution.Id);
    }

    private static Task<int> MoveRevocationAsync(WorkflowsDbContext db, string executionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ProgressLinkRevocations.Where(r => r.ExecutionId == executionId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.RevokedAt, now), cancellationToken);

    /// <summary>
    /// The parts of a signed payload: <c>id|expires</c> (links made before withdrawal existed: issued at the beginning of
    /// time, so any withdrawal covers them) or <c>id|expires|issued</c>; null when it is neither.
    /// </summary>
    private static (string ExecutionId, long ExpiresSeconds, long IssuedMilliseconds)? Read(string payload)
    {
        var parts = payload.Split('|');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        if (parts.Length == 2)
        {
            return (parts[0], expires, long.MinValue);
        }

        return long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var issued) ? (parts[0], expires, issued) : null;
    }
}
