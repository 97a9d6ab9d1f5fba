using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Workflows.Core.Identity;

namespace Workflows.Web.Api;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;token&gt;</c> as the token's user, with that user's roles.
/// Resolved tokens are cached for a few seconds; a revocation evicts its entry at once.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    IMemoryCache cache,
    IServiceScopeFactory scopes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    public const string TokenIdClaim = "workflows:token_id";

    public const string NoTokenMessage = "Send an API token as 'Authorization: Bearer <token>'.";

    public const string ForbiddenMessage = "Your role does not allow this operation.";

    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0)
        {
            return AuthenticateResult.Fail("The bearer token is empty.");
        }

        var key = "api-token:" + ApiTokenService.HashOf(token);
        if (!cache.TryGetValue(key, out CachedPrincipal? cached) || cached!.ExpiresAt <= DateTimeOffset.UtcNow)
        {
            cached = await ResolveAsync(token);
            if (cached is null)
            {
                return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
            }

            cache.Set(key, cached, CacheFor);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(cached.Principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await Response.WriteAsJsonAsync(new ApiError(failure ?? NoTokenMessage));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(new ApiError(ForbiddenMessage));
    }

    private async Task<CachedPrincipal?> ResolveAsync(string token)
    {
        var stored = await tokens.ResolveAsync(token, Context.RequestAborted);
        if (stored is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(stored.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return null;
        }

        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var principal = await factory.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TokenIdClaim, stored.Id));
        var expiresAt = stored.ExpiresAt is { } expiry && expiry < DateTimeOffset.UtcNow + CacheFor ? expiry : DateTimeOffset.UtcNow + CacheFor;
        return new CachedPrincipal(new ClaimsPrincipal(identity), expiresAt);
    }

    private sealed record CachedPrincipal(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
