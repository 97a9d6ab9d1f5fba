using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Workflows.Web.Hosting;

/// <summary>
/// The headers every response carries (see ADR-017). The app's pages run under a Content Security Policy without
/// inline script: Blazor, MudBlazor and our helpers load as files; the one inline script, the import map that maps
/// asset names to their fingerprinted files, carries a fresh nonce per response (<see cref="Nonce"/>). The only
/// relaxation is inline <em>styles</em>, which MudBlazor writes as <c>style</c> attributes and elements. The interactive API reference (Scalar) boots from an inline
/// script and holds no one's content, so its own pages may run inline script; nothing else may. Framing is allowed to
/// this app only, the MIME type is never sniffed, referrers leave only as the origin, and Kestrel does not name itself
/// (<c>AddServerHeader = false</c> in <see cref="ApplicationSetup"/>). HSTS and Secure cookies follow when served over
/// https (<c>UseHsts</c> outside Development, cookie policy <c>SameAsRequest</c>); behind nginx "over https" means
/// what a trusted proxy's <c>X-Forwarded-Proto</c> says.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// How long a browser keeps to https once it has seen the app over https: a year, the length browsers' preload lists
    /// ask for, instead of ASP.NET Core's 30 days. Without <c>includeSubDomains</c>: other hosts of the operator's domain
    /// may not serve https at all.
    /// </summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    private const string NonceKey = "wf-csp-nonce";

    private const string AppPolicyBeforeNonce = "default-src 'self'; script-src 'self' 'nonce-";

    private const string AppPolicyAfterNonce =
        "'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'self'";

    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = IsApiReference(context.Request.Path)
                    ? ApiReferencePolicy
                    : AppPolicyBeforeNonce + nonce + AppPolicyAfterNonce;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.Remove(HeaderNames.Server);
                if (IsCustomerProgress(context.Request.Path))
                {
                    // A progress link is its own credential: no search engine lists it, no other site learns it from a
                    // referrer, no shared cache keeps the page.
                    headers["X-Robots-Tag"] = "noindex, nofollow";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers[HeaderNames.CacheControl] = "no-store";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>The nonce this response's policy allows inline script under; only the import map uses it.</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    private static bool IsCustomerProgress(PathString path) =>
        path.StartsWithSegments("/" + Core.Progress.ProgressPaths.Prefix) || path.StartsWithSegments("/v1/" + Core.Progress.ProgressPaths.Prefix);

    private static bool IsApiReference(PathString path) =>
        path.StartsWithSegments("/api-reference") || path.StartsWithSegments("/scalar");
}
