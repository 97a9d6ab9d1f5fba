namespace Workflows.Core.Identity;

/// <summary>A named bearer token of a user. Only its SHA-256 hash is stored; the token itself is shown once.</summary>
public sealed class ApiToken
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string Name { get; set; }

    /// <summary>
    /// A few characters that tell a person's tokens apart without helping anyone guess one: "wf_" and 4 random
    /// characters of a generated token, "bootstrap" for the bootstrap token.
    /// </summary>
    public required string Prefix { get; init; }

    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
