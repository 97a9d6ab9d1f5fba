using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Core;
using Workflows.Core.Automations;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Automations over the API, routes after epilot's automation API: flows (<c>/v1/automation/flows</c>: list, create,
/// read, replace with <c>If-Match</c>, enable or disable, delete) for those who build, and executions
/// (<c>/v1/automation/executions</c>: run a manual automation on a record, list runs with their action logs, read one,
/// retry a failed one) for those who use records — the rules of the Automations pages and the record sidebar. A
/// webhook's signing key is write-only: sent as <c>secret</c>, answered only as <c>has_secret</c>.
/// </summary>
public static partial class AutomationsApi
{
    public const int MaxRuns = 100;

    public static RouteGroupBuilder MapAutomationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/automation").WithTags("Automations");
        var builders = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.Build);
        var records = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.UseRecords);

        builders.MapGet("/flows", ListAsync).Produces<AutomationList>()
            .Documented("searchFlows", "List the automations with their recent runs and failures");
        builders.MapPost("/flows", CreateAsync).Accepts<AutomationBody>("application/json").Produces<AutomationView>(StatusCodes.Status201Created).Idempotent()
            .Documented("createFlow", "Create an automation", ApiVersioning.ETag);
        builders.MapGet("/flows/{flowId}", GetAsync).Produces<AutomationView>()
            .Documented("getFlow", "Read an automation", ApiVersioning.ETag);
        builders.MapPut("/flows/{flowId}", PutAsync).Accepts<AutomationBody>("application/json").Produces<AutomationView>()
            .Documented("putFlow", "Replace an automation; a stale If-Match is refused", ApiVersioning.IfMatch);
        builders.MapPatch("/flows/{flowId}", PatchAsync).Accepts<EnabledBody>("application/json").Produces<AutomationView>()
            .Documented("setFlowEnabled", "Enable or disable an automation", ApiVersioning.ETag);
        builders.MapDelete("/flows/{flowId}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("deleteFlow", "Delete an automation; its runs stay");

        records.MapPost("/executions", StartAsync).Accepts<StartBody>("application/json").Produces<RunView>(StatusCodes.Status201Created).Idempotent()
            .Documented("startExecution", "Run a manual automation on a record now", StatusCodes.Status404NotFound);
        records.MapGet("/executions", RunsAsync).Produces<RunList>()
            .Documented("getExecutions", "The latest runs of an automation or on a record, with their action logs", StatusCodes.Status400BadRequest);
        records.MapGet("/executions/{executionId}", GetRunAsync).Produces<RunView>()
            .Documented("getExecution", "Read a run with its action log");
        records.MapPost("/executions/{executionId}/retry", RetryAsync).Produces(StatusCodes.Status202Accepted)
            .Documented("retryExecution", "Run a failed run again from the action that failed", StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> ListAsync(AutomationService automations, CancellationToken ct)
    {
        var all = await automations.ListAsync(ct);
        return TypedResults.Json(new AutomationList([.. all.Select(s => new AutomationListItem(AutomationView.From(s.Automation), s.RecentRuns, s.RecentFailures, s.LastRunAt))]),
            FlowJson.Options);
    }

    private static async Task<Results<JsonHttpResult<AutomationView>, ApiProblem>> GetAsync(
        string flowId, HttpResponse response, AutomationService automations, CancellationToken ct) =>
        Answer(await automations.GetAsync(flowId, ct) is { } automation ? Outcome<Automation>.From(automation) : NoAutomation(flowId), response, StatusCodes.Status200OK);

    private static async Task<Results<JsonHttpResult<AutomationView>, ApiProblem>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, AutomationService automations, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<AutomationBody>(request, ct);
        var asked = body.Succeeded ? body.Value.ToAutomation(null) : body.Refusal;
        var saved = asked.Succeeded ? await automations.SaveAsync(asked.Value, null, user.ToActor(), ct) : asked.Refusal;
        return Answer(saved, request.HttpContext.Response, StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<AutomationView>, ApiProblem>> PutAsync(
        string flowId, HttpRequest request, ClaimsPrincipal user, AutomationService automations, CancellationToken ct)
    {
        var ifMatch = VersionHeaders.FromIfMatch(request);
        var body = ifMatch.Succeeded ? await ApiJson.ReadAsync<AutomationBody>(request, ct) : ifMatch.Refusal;
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        if (await automations.GetAsync(flowId, ct) is not { } current)
        {
            return ApiResults.Problem(NoAutomation(flowId));
        }

        var asked = body.Value.ToAutomation(flowId);
        var saved = asked.Succeeded ? await automations.SaveAsync(asked.Value, ifMatch.Value ?? current.Version, user.ToActor(), ct) : asked.Refusal;
        return Answer(saved, request.HttpContext.Response, StatusCodes.Status200OK);
    }

    private static async Task<Results<JsonHttpResult<AutomationView>, ApiProblem>> PatchAsync(
        string flowId, HttpRequest request, ClaimsPrincipal user, AutomationService automations, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<EnabledBody>(request, ct);
        var asked = body.Succeeded && body.Value.Enabled is null ? Refusal.Invalid("Send { \"enabled\": true } or { \"enabled\": false }.") : body.Refusal;
        var saved = asked is null ? await automations.SetEnabledAsync(flowId, body.Value!.Enabled!.Value, user.ToActor(), ct) : asked;
        return Answer(saved, request.HttpContext.Response, StatusCodes.Status200OK);
    }

    private static async Task<Results<NoContent, ApiProblem>> DeleteAsync(string flowId, AutomationService automations, CancellationToken ct)
    {
        var deleted = await automations.DeleteAsync(flowId, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal);
    }

    private static async Task<Results<JsonHttpResult<RunView>, ApiProblem>> StartAsync(
        HttpRequest request, ClaimsPrincipal user, AutomationService automations, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<StartBody>(request, ct);
        var asked = body.Succeeded && (body.Value.FlowId is null || body.Value.EntityId is null)
            ? Refusal.Invalid("Name the automation ('flow_id') and the record to run it on ('entity_id').")
            : body.Refusal;
        var run = asked is null ? await automations.RunOnRecordAsync(body.Value!.FlowId!, body.Value.EntityId!, user.ToActor(), ct) : asked;
        return run.Succeeded
            ? TypedResults.Json(RunView.From(run.Value), FlowJson.Options, statusCode: StatusCodes.Status201Created)
            : ApiResults.Problem(run.Refusal);
    }

    private static async Task<Results<JsonHttpResult<RunList>, ApiProblem>> RunsAsync(
        [FromQuery(Name = "flow_id")] string? flowId, [FromQuery(Name = "entity_id")] string? entityId, int? size, AutomationService automations, CancellationToken ct)
    {
        if (flowId is null == (entityId is null))
        {
            return ApiResults.BadRequest("Name either the automation ('flow_id') or the record ('entity_id') whose runs to list.");
        }

        if (size is < 1 or > MaxRuns)
        {
            return ApiResults.BadRequest($"'size' is how many runs to list: 1 to {MaxRuns}.");
        }

        var count = size ?? 25;
        var runs = flowId is not null ? await automations.RunsAsync(flowId, count, ct) : await automations.RunsForEntityAsync(entityId!, count, ct);
        return TypedResults.Json(new RunList([.. runs.Select(RunView.From)]), FlowJson.Options);
    }

    private static async Task<Results<JsonHttpResult<RunView>, ApiProblem>> GetRunAsync(string executionId, AutomationService automations, CancellationToken ct) =>
        await automations.GetRunAsync(executionId, ct) is { } run
            ? TypedResults.Json(RunView.From(run), FlowJson.Options)
            : ApiResults.NotFound($"There is no automation run '{executionId}'.");

    private static async Task<Results<Accepted, ApiProblem>> RetryAsync(string executionId, AutomationService automations, CancellationToken ct)
    {
        var retried = await automations.RerunAsync(executionId, ct);
        return retried.Succeeded ? TypedResults.Accepted((string?)null) : ApiResults.Problem(retried.Refusal);
    }

    private static Results<JsonHttpResult<AutomationView>, ApiProblem> Answer(Outcome<Automation> saved, HttpResponse response, int status) =>
        VersionHeaders.Answer(saved, response, a => a.Version, AutomationView.From, status);

    private static Refusal NoAutomation(string flowId) => Refusal.NotFound($"There is no automation \"{flowId}\".");
}
