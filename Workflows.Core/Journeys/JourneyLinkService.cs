using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Journeys;

/// <summary>
/// One-time signed links that open a journey on a record (and task) for someone without an account. The token is
/// the link row's nonce and expiry, signed by <see cref="IJourneyLinkSigner"/>; the row decides "used" and "expired".
/// </summary>
public sealed class JourneyLinkService(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    JourneyRunService runs,
    IJourneyLinkSigner signer,
    FlowSettings settings,
    TimeProvider clock)
{
    public static TimeSpan DefaultLinkLifetime { get; } = TimeSpan.FromDays(7);

    public static TimeSpan MaxLinkLifetime { get; } = TimeSpan.FromDays(90);

    /// <summary>A signed link that opens <paramref name="journeyId"/> on a record (and task) for someone without an account.</summary>
    public async Task<Outcome<JourneyLinkCreated>> CreateLinkAsync(
        string journeyId, string entityId, string? executionId, string? taskId, TimeSpan validFor, Actor actor,
        CancellationToken cancellationToken)
    {
        if (validFor <= TimeSpan.Zero || validFor > MaxLinkLifetime)
        {
            return Refusal.Invalid(RefusalText.Of("JourneyLinkLifetime", MaxLinkLifetime.TotalDays));
        }

        var run = await runs.OpenAsync(journeyId, entityId, executionId, taskId, cancellationToken);
        if (!run.Succeeded)
        {
            return run.Refusal;
        }

        var now = clock.GetUtcNow();
        var link = new JourneyLink
        {
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            JourneyId = journeyId,
            EntityId = entityId,
            ExecutionId = executionId,
            TaskId = taskId,
            CreatedAt = now,
            CreatedBy = actor.Name,
            ExpiresAt = now + validFor,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.JourneyLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        var token = signer.Sign(string.Create(CultureInfo.InvariantCulture, $"{link.Id}.{link.ExpiresAt.ToUnixTimeSeconds()}"));
        return new JourneyLinkCreated(token, link.ExpiresAt);
    }

    /// <summary>What a shared link shows: the journey when it may still be used, otherwise why not.</summary>
    public async Task<JourneyLinkOpening> OpenLinkAsync(string token, CancellationToken cancellationToken)
    {
        var (link, refused) = await FindLinkAsync(token, cancellationToken);
        if (link is null)
        {
            return refused!;
        }

        var run = await runs.OpenAsync(link.JourneyId, link.EntityId, link.ExecutionId, link.TaskId, cancellationToken);
        return run.Succeeded
            ? new JourneyLinkOpening(JourneyLinkState.Valid, "", run.Value)
            : new JourneyLinkOpening(JourneyLinkState.Invalid, JourneyLinkMessages.NoLongerUsable);
    }

    /// <summary>
    /// Submits a journey through a shared link, as "External". The link is marked used in the same transaction, so it
    /// works once. The answers are merged into the record without a version check: they only touch the journey's fields.
    /// </summary>
    public async Task<Outcome<JourneySubmitResult>> SubmitLinkAsync(string token, JsonObject values, CancellationToken cancellationToken)
    {
        var (link, refused) = await FindLinkAsync(token, cancellationToken);
        if (link is null)
        {
            return refused!.State == JourneyLinkState.Invalid ? Refusal.Invalid(refused.Message) : Refusal.Conflict(refused.Message);
        }

        var submit = new JourneySubmit(link.JourneyId, link.EntityId, values, ExpectedRecordVersion: null)
        {
            ExecutionId = link.ExecutionId,
            TaskId = link.TaskId,
        };
        return await runs.SubmitAsync(submit, Actor.External, link.Id, cancellationToken);
    }

    private async Task<(JourneyLink? Link, JourneyLinkOpening? Refused)> FindLinkAsync(string token, CancellationToken cancellationToken)
    {
        var invalid = new JourneyLinkOpening(JourneyLinkState.Invalid, JourneyLinkMessages.NotValid);
        var payload = string.IsNullOrWhiteSpace(token) ? null : signer.Verify(token);
        var parts = payload?.Split('.');
        if (parts is not [var linkId, var expiresText] || !long.TryParse(expiresText, CultureInfo.InvariantCulture, out var expiresSeconds))
        {
            return (null, invalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.JourneyLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
        {
            return (null, invalid);
        }

        if (link.UsedAt is not null)
        {
            return (null, new JourneyLinkOpening(JourneyLinkState.Used, JourneyLinkMessages.Used(link, settings.TimeZone)));
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(Math.Min(expiresSeconds, link.ExpiresAt.ToUnixTimeSeconds()));
        if (clock.GetUtcNow() >= expires)
        {
            return (null, new JourneyLinkOpening(JourneyLinkState.Expired, JourneyLinkMessages.Expired(expires, settings.TimeZone)));
        }

        return (link, null);
    }
}
