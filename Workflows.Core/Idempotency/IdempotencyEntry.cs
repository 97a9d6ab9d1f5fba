namespace Workflows.Core.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> a caller used: the fingerprint of the request it came with and, once that request
/// succeeded, the response to replay. While the first request runs, <see cref="LockedUntil"/> holds the key.
/// </summary>
public sealed class IdempotencyEntry
{
    /// <summary>Whose key it is (an API token), so two integrators never share one.</summary>
    public required string Owner { get; init; }

    public required string Key { get; init; }

    /// <summary>SHA-256 of method, path and body, hex: the same key with another request is a client mistake.</summary>
    public required string Fingerprint { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set while the first request runs; null once its response is stored.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public int? Status { get; set; }

    /// <summary>The response headers worth replaying (Location, ETag, Content-Type) as JSON.</summary>
    public string? Headers { get; set; }

    public byte[]? Body { get; set; }
}
