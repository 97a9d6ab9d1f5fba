using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Localization;

namespace Workflows.Core.Identity;

/// <summary>Creates, lists, resolves and revokes API tokens.</summary>
public sealed class ApiTokenService(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider clock)
{
    private const string TokenPrefix = "wf_";

    /// <summary>How much of a generated token is kept in clear: "wf_" and 4 of its 43 random characters.</summary>
    public const int ShownLength = 7;

    /// <summary>What a token of a known value (the bootstrap token, chosen by a person) shows: none of its characters.</summary>
    public const string BootstrapPrefix = "bootstrap";

    /// <summary>Raised after a revocation, so caches of resolved tokens drop it at once.</summary>
    public event Action<string>? Revoked;

    /// <summary>Raises <see cref="Revoked"/> for a token another instance revoked, so no cache here keeps it alive.</summary>
    public void Announce(string tokenHash) => Revoked?.Invoke(tokenHash);

    /// <summary>Creates a token and returns it in clear text: the only time anyone sees it.</summary>
    public async Task<Outcome<(ApiTokenInfo Info, string Token)>> CreateAsync(
        string userId, string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            return Refusal.Invalid(RefusalText.Of("TokenNameInvalid"));
        }

        var now = clock.GetUtcNow();
        if (expiresAt is { } expiry && expiry <= now)
        {
            return Refusal.Invalid(RefusalText.Of("TokenExpiryPast"));
        }

        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return await StoreAsync(userId, name.Trim(), token, token[..ShownLength], expiresAt, cancellationToken);
    }

    /// <summary>Makes sure a token with a known value exists for the user (the bootstrap token for scripts and CI).</summary>
    public async Task EnsureAsync(string userId, string name, string token, CancellationToken cancellationToken)
    {
        var hash = HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.ApiTokens.AnyAsync(t => t.Hash == hash, cancellationToken))
        {
            await StoreAsync(userId, name, token, BootstrapPrefix, null, cancellationToken);
        }
    }

    /// <summary>The user a presented token acts for, or null when it is unknown, expired or revoked.</summary>
    public async Task<ApiToken?> ResolveAsync(string token, CancellationToken cancellationToken)
    {
        var hash = HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (stored is null || !stored.IsActive(now))
        {
            return null;
        }

        // Record use at most once a minute: a busy integration must not turn every read into a write.
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return stored;
    }

    /// <summary>The tokens of one user, or of everyone when <paramref name="userId"/> is null (Admin).</summary>
    public async Task<IReadOnlyList<ApiTokenInfo>> ListAsync(string? userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = db.ApiTokens.AsNoTracking();
        if (userId is not null)
        {
            tokens = tokens.Where(t => t.UserId == userId);
        }

        var rows = await tokens
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderByDescending(r => r.Token.CreatedAt)
            .Select(r => new ApiTokenInfo(r.Token.Id, r.Token.Name, r.Token.Prefix, r.Token.UserId,
                string.IsNullOrEmpty(r.DisplayName) ? r.Email ?? "" : r.DisplayName,
                r.Token.CreatedAt, r.Token.ExpiresAt, r.Token.LastUsedAt, r.Token.RevokedAt))];
    }

    /// <summary>Revokes a token; <paramref name="ownerId"/> null lets an Admin revoke anyone's.</summary>
    public async Task<Outcome<bool>> RevokeAsync(string tokenId, string? ownerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null || (ownerId is not null && token.UserId != ownerId))
        {
            return Refusal.NotFound(RefusalText.Of("NoToken"));
        }

        if (token.RevokedAt is not null)
        {
            return true;
        }

        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        Revoked?.Invoke(token.Hash);
        return true;
    }

    public static string HashOf(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<(ApiTokenInfo, string)> StoreAsync(
        string userId, string name, string token, string prefix, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var stored = new ApiToken
        {
            Id = Guid.NewGuid().ToString(),
            UserId = userId,
            Name = name,
            Prefix = prefix,
            Hash = HashOf(token),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        return (new ApiTokenInfo(stored.Id, stored.Name, stored.Prefix, userId, user.DisplayName, now, expiresAt, null, null), token);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
