using System.Globalization;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;

namespace Workflows.Core.Progress;

/// <summary>
/// Signed, expiring links that show one workflow's progress to its end customer, without an account. Stateless: the
/// token is the execution id and the expiry, signed by <see cref="IProgressLinkSigner"/>; the execution decides what
/// the page shows each time it is read, so a link follows the workflow live and dies with it (a deleted workflow).
/// </summary>
public sealed class ProgressLinkService(FlowExecutionService executions, IProgressLinkSigner signer, TimeProvider clock)
{
    public const int DefaultDays = 30;

    public const int MaxDays = 90;

    /// <summary>A link to <paramref name="executionId"/>'s progress valid for <paramref name="days"/> days; staff only (<paramref name="scope"/> null).</summary>
    public async Task<Outcome<ProgressLink>> CreateAsync(string executionId, int days, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        if (scope is not null)
        {
            return Refusal.Forbidden("Only staff share a workflow's progress with its customer.");
        }

        if (days is < 1 or > MaxDays)
        {
            return Refusal.Invalid($"A progress link is valid for 1 to {MaxDays} days.");
        }

        var execution = await executions.GetAsync(executionId, cancellationToken);
        return execution is null ? TaskAccess.NoWorkflow(executionId) : Create(execution.Id, TimeSpan.FromDays(days));
    }

    /// <summary>A link to a workflow the caller already holds, such as the one an automation e-mail is about.</summary>
    public ProgressLink Create(string executionId, TimeSpan validFor)
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds((clock.GetUtcNow() + validFor).ToUnixTimeSeconds());
        var token = signer.Sign(string.Create(CultureInfo.InvariantCulture, $"{executionId}|{expires.ToUnixTimeSeconds()}"));
        return new ProgressLink(token, expires);
    }

    /// <summary>What the link shows now: the customer's view while it is valid and its workflow exists, else why not.</summary>
    public async Task<ProgressOpening> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var payload = string.IsNullOrWhiteSpace(token) ? null : signer.Verify(token);
        var cut = payload?.LastIndexOf('|') ?? -1;
        if (payload is null || cut <= 0 || !long.TryParse(payload.AsSpan(cut + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var expiresSeconds))
        {
            return ProgressOpening.Invalid;
        }

        if (clock.GetUtcNow().ToUnixTimeSeconds() >= expiresSeconds)
        {
            return new ProgressOpening(ProgressLinkState.Expired);
        }

        var executionId = payload[..cut];
        var execution = await executions.GetAsync(executionId, cancellationToken);
        return execution is null
            ? ProgressOpening.Invalid
            : new ProgressOpening(ProgressLinkState.Valid, CustomerProgress.Of(execution), execution.Id);
    }
}
