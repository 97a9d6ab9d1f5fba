namespace Workflows.Core.Webhooks;

/// <summary>One POST of a delivery: what the receiver answered (or why it could not be reached) and how long it took.</summary>
public sealed record WebhookAttempt
{
    public required DateTimeOffset At { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public long DurationMs { get; init; }

    public bool Succeeded => Error is null;

    /// <summary>A person asked for this attempt (re-send), not the retry schedule.</summary>
    public bool Manual { get; init; }
}
