using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Scalar.AspNetCore;
using Workflows.Core;
using Workflows.Core.Identity;

namespace Workflows.Web.Api;

/// <summary>Registers and maps the REST API: bearer tokens, rate limits, JSON shape, OpenAPI and its reference page.</summary>
public static class ApiSetup
{
    public const string RateLimitPolicy = "api";

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
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new ApiError("Too many requests for this token; slow down and retry in a second."), cancellationToken);
            options.AddPolicy(RateLimitPolicy, context =>
            {
                var perSecond = context.RequestServices.GetRequiredService<ApiOptions>().RateLimitPerSecond;
                return RateLimitPartition.GetTokenBucketLimiter(
                    context.User.FindFirstValue(BearerTokenHandler.TokenIdClaim) ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = perSecond * 2,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
        });
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Workflows API";
            document.Info.Description = "epilot-compatible workflow definitions, executions, closing reasons and entities.";
            return Task.CompletedTask;
        }));
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
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = BearerTokenHandler.SchemeName })
            .RequireRateLimiting(RateLimitPolicy);
        api.MapEntitiesApi();
        api.MapFlowTemplatesApi();
        api.MapClosingReasonsApi();
        api.MapFlowExecutionsApi();
        api.MapTaskSearchApi();

        // An unknown API path (or method) answers like every other API error, not with the app's HTML "not found" page.
        foreach (var prefix in new[] { "/v1", "/v2" })
        {
            app.Map(prefix + "/{**path}", UnknownApiRoute.Answer).AllowAnonymous();
        }

        return app;
    }
}
