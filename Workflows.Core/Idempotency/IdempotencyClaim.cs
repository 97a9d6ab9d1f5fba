namespace Workflows.Core.Idempotency;

/// <summary>What a request with an <c>Idempotency-Key</c> is to do: run (it holds the key now), replay, or be refused.</summary>
public sealed record IdempotencyClaim(IdempotencyClaimKind Kind, StoredResponse? Response = null)
{
    public static IdempotencyClaim Run { get; } = new(IdempotencyClaimKind.Run);

    public static IdempotencyClaim Mismatch { get; } = new(IdempotencyClaimKind.Mismatch);

    public static IdempotencyClaim InFlight { get; } = new(IdempotencyClaimKind.InFlight);
}
