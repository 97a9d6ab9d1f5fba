using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Progress;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// The end customer's progress (ours): staff make a signed, expiring link to a workflow's progress page, as the
/// sidebar's "Share progress with customer" does; whoever holds the link reads the same progress as JSON, without an
/// account (404 for a forged or unknown link, 410 for an expired or withdrawn one). Staff withdraw every link of a
/// workflow issued so far with a DELETE of its progress link.
/// </summary>
public static class ProgressApi
{
    public static RouteGroupBuilder MapProgressApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Progress");
        group.MapPost("/flows/executions/{execution_id}/progress-link", CreateLinkAsync).RequireAuthorization(AuthorizationPolicies.WorkTasks)
            .Accepts<LinkBody>("application/json").Produces<LinkView>(StatusCodes.Status201Created).Idempotent()
            .Documented("createProgressLink", "Create a signed, expiring link that shows a workflow's progress to its customer");
        group.MapDelete("/flows/executions/{execution_id}/progress-link", RevokeAsync).RequireAuthorization(AuthorizationPolicies.WorkTasks)
            .Produces<RevocationView>()
            .Documented("revokeProgressLinks", "Withdraw every progress link of a workflow issued so far; links made afterwards work");
        group.MapGet("/progress/{token}", GetAsync).AllowAnonymous().Produces<CustomerProgress>()
            .Documented("getProgress", "The progress a customer link shows, as JSON, without an account", StatusCodes.Status410Gone);
        return group;
    }

    private static async Task<Results<JsonHttpResult<LinkView>, ApiProblem>> CreateLinkAsync(
        string execution_id, HttpRequest request, ClaimsPrincipal user, ProgressLinkService links, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<LinkBody>(request, ct);
        var created = body.Succeeded
            ? await links.CreateAsync(execution_id, body.Value.ValidForDays ?? ProgressLinkService.DefaultDays, TaskAccess.AssigneeScope(user), ct)
            : body.Refusal;
        if (!created.Succeeded)
        {
            return ApiResults.Problem(created.Refusal);
        }

        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/{created.Value.RelativeUrl}";
        return TypedResults.Json(new LinkView(url, created.Value.Token, created.Value.ExpiresAt), FlowJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<RevocationView>, ApiProblem>> RevokeAsync(
        string execution_id, ClaimsPrincipal user, ProgressLinkService links, CancellationToken ct)
    {
        var revoked = await links.RevokeAsync(execution_id, TaskAccess.AssigneeScope(user), ct);
        return revoked.Succeeded ? TypedResults.Json(new RevocationView(revoked.Value), FlowJson.Options) : ApiResults.Problem(revoked.Refusal);
    }

    private static async Task<Results<JsonHttpResult<CustomerProgress>, ApiProblem>> GetAsync(
        string token, ProgressLinkService links, CancellationToken ct)
    {
        var opening = await links.OpenAsync(token, ct);
        return opening.Refusal is { } refused ? ApiResults.Problem(refused) : TypedResults.Json(opening.Progress!, FlowJson.Options);
    }

    /// <summary>How long the link works: 1 to 90 days, 30 when left out.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record LinkBody(int? ValidForDays = null);

    public sealed record LinkView(string Url, string Token, DateTimeOffset ExpiresAt);

    /// <summary>Links of the workflow issued up to <c>revoked_at</c> no longer open.</summary>
    public sealed record RevocationView(DateTimeOffset RevokedAt);
}
