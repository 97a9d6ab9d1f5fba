using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;
using MudBlazor;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Web.Api;
using Workflows.Web.Components.Account;
using Workflows.Web.Components.Shared;

namespace Workflows.Web.Hosting;

/// <summary>
/// Which language a request is served in (ADR-031): the signed-in user's choice (a claim from their profile), then the
/// language cookie (the last switch on this browser, also before sign-in), then the browser's <c>Accept-Language</c>
/// by its weights, else the tenant's language (<c>Workflows:Language</c>, English unless set). The circuit keeps the culture of the request that opened it, so a switch reloads.
/// The REST API (<see cref="ApiSetup.IsApiPath"/>) always answers in English.
/// </summary>
public static class LanguageSetup
{
    public const string CookieName = ".Workflows.Language";

    public const string SwitchPath = "/Account/Language";

    public static IServiceCollection AddWorkflowsLanguages(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddTransient<MudLocalizer, MudTextLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.All.Select(Languages.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Culture(Languages.English));
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders =
            [
                new CustomRequestCultureProvider(context =>
                {
                    // The REST API speaks English to everyone: integrators match and log epilot's messages.
                    var language = ApiSetup.IsApiPath(context.Request.Path) ? Languages.English : Choose(context);
                    var culture = Languages.Culture(language).Name;
                    return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
                }),
            ];
        });
        return services;
    }

    /// <summary>The language for <paramref name="context"/>: claim, then cookie, then <c>Accept-Language</c>, then the tenant's (<c>Workflows:Language</c>).</summary>
    public static string Choose(HttpContext context) =>
        Languages.Known(context.User.FindFirstValue(UserClaims.Language))
        ?? Languages.Known(context.Request.Cookies[CookieName])
        ?? FromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString())
        ?? context.RequestServices.GetRequiredService<FlowSettings>().Language;

    /// <summary>The first of ours among the header's languages by weight; null when it names none of ours.</summary>
    public static string? FromAcceptLanguage(string? header)
    {
        if (!StringWithQualityHeaderValue.TryParseList(header?.Split(','), out var ranges))
        {
            return null;
        }

        return ranges
            .Where(r => r.Quality is not <= 0)
            .OrderByDescending(r => r.Quality ?? 1)
            .Select(r => Languages.Known(r.Value.Value))
            .FirstOrDefault(code => code is not null);
    }

    /// <summary>The link that switches to <paramref name="language"/> and comes back to <paramref name="returnUrl"/>.</summary>
    public static string SwitchUrl(string language, string returnUrl) =>
        $"{SwitchPath}/{language}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Remembers <paramref name="language"/> on this browser for a year; null forgets, so the browser's own decides.</summary>
    public static void Remember(HttpResponse response, string? language)
    {
        if (language is null)
        {
            response.Cookies.Delete(CookieName);
            return;
        }

        response.Cookies.Append(CookieName, language, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
        });
    }

    /// <summary>
    /// <c>GET /Account/Language/{language}?returnUrl=</c>: remembers the language on the browser and, for a signed-in
    /// user, in their profile, then goes back to the page it came from (a local path only, never another site).
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SwitchPath + "/{language}", async (
            string language,
            string? returnUrl,
            HttpContext context,
            UserManager<ApplicationUser> users,
            SignInManager<ApplicationUser> signIn) =>
        {
            if (Languages.Known(language) is not { } chosen)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Unknown language",
                    detail: $"'{language}' is not one of the languages: {string.Join(", ", Languages.All)}.");
            }

            Remember(context.Response, chosen);

            // The sign-in is renewed whenever its own claim is not the choice, even if the profile already is: the
            // profile may have been switched on another browser, or by this same switch sent twice (a menu item
            // navigates twice, and the browser drops the first answer with its new sign-in).
            if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(UserClaims.Language) != chosen
                && await users.GetUserAsync(context.User) is { } user)
            {
                if (user.Language != chosen)
                {
                    user.Language = chosen;
                    await users.UpdateAsync(user);
                }

                await signIn.RefreshSignInAsync(user);
            }

            // A path of ours (LocalRedirect takes only those that begin with a slash), else home.
            return Results.LocalRedirect(returnUrl is ['/', ..] && IdentityRedirectManager.IsLocal(returnUrl) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }
}
