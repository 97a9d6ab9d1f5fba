using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Scalar.AspNetCore;
using Workflows.Core;
using Workflows.Core.Identity;

namespace Workflows.Web.Api;

/// <summary>Registers and maps the REST API: bearer tokens, rate limits, JSON shape, OpenAPI (<see cref="OpenApiContract"/>) and its reference page.</summary>
public static class ApiSetup
{
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/v1") || path.StartsWithSegments("/v2");

    public static IServiceCollection AddWorkflowsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMemoryCache();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));

        services.AddChecked<ApiOptions>(configuration, "Api").Positive("Api:RateLimitPerSecond", o => o.RateLimitPerSecond);
        services.AddSingleton<ApiRateLimits>();
        services.AddOpenApi(OpenApiContract.Configure);
        return services;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter());
    }

    public static WebApplication UseWorkflowsApi(this WebApplication app)
    {
        app.UseMiddleware<ApiErrorMiddleware>();
        var tokens = app.Services.GetRequiredService<ApiTokenService>();
        var cache = app.Services.GetRequiredService<IMemoryCache>();
        tokens.Revoked += hash => cache.Remove("api-token:" + hash);
        return app;
    }

    /// <summary>Admits each request to a documented API operation through its token's bucket (<see cref="ApiRateLimits"/>); after authentication, so the bucket is the token's.</summary>
    public static WebApplication UseWorkflowsApiRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ApiOperation>() is null
                || await context.RequestServices.GetRequiredService<ApiRateLimits>().AdmitAsync(context))
            {
                await next(context);
            }
        });
        return app;
    }

    /// <summary>
    /// Checks JSON bodies (<see cref="JsonBodyGate"/>), then honours <c>Idempotency-Key</c> (<see cref="IdempotencyGate"/>);
    /// after authorization, so a stranger learns nothing from a body and keys belong to a known token.
    /// </summary>
    public static WebApplication UseWorkflowsApiBodies(this WebApplication app)
    {
        app.UseMiddleware<JsonBodyGate>();
        app.UseMiddleware<IdempotencyGate>();
        return app;
    }

    public static WebApplication MapWorkflowsApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api-reference", options => options.WithTitle("Workflows API").DisableDefaultFonts()).AllowAnonymous();

        var api = app.MapGroup("")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerTokenHandler.SchemeName });
        api.MapEntitiesApi();
        api.MapFlowTemplatesApi();
        api.MapClosingReasonsApi();
        api.MapFlowExecutionsApi();
        api.MapTaskSearchApi();
        api.MapTaskBoardApi();
        api.MapNotesApi();
        api.MapAutomationsApi();
        api.MapJourneysApi();
        api.MapWebhooksApi();
        api.MapTeamsApi();
        api.MapProgressApi();

        // An unknown API path (or method) answers like every other API error, not with the app's HTML "not found" page.
        foreach (var prefix in new[] { "/v1", "/v2" })
        {
            app.Map(prefix + "/{**path}", UnknownApiRoute.Answer).AllowAnonymous();
        }

        return app;
    }
}
