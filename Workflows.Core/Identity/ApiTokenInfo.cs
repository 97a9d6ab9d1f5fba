namespace Workflows.Core.Identity;

/// <summary>What a list of tokens shows: never the token or its hash.</summary>
public sealed record ApiTokenInfo(
    string Id, string Name, string Prefix, string UserId, string UserName,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
