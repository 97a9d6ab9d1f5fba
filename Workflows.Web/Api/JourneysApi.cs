using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Core;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Journeys over the API (ours; epilot's journey API builds whole portals): definitions (<c>/v1/journeys</c>: list,
/// create, read, replace with <c>If-Match</c>, delete) for those who build, the submissions on a record for those who
/// use records, and one-time links (<c>/v1/journeys/{id}/links</c>) for those who work the task, as the sidebar's
/// "Share journey" makes them: a partner only for a task of theirs.
/// </summary>
public static class JourneysApi
{
    public static RouteGroupBuilder MapJourneysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Journeys");
        var builders = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.Build);
        builders.MapGet("/journeys", ListAsync).Produces<JourneyList>().Documented("listJourneys", "List the journeys with their submission counts");
        builders.MapPost("/journeys", CreateAsync).Accepts<JourneyBody>("application/json").Produces<JourneyView>(StatusCodes.Status201Created).Idempotent()
            .Documented("createJourney", "Create a journey", ApiVersioning.ETag, StatusCodes.Status409Conflict);
        builders.MapGet("/journeys/{journeyId}", GetAsync).Produces<JourneyView>().Documented("getJourney", "Read a journey", ApiVersioning.ETag);
        builders.MapPut("/journeys/{journeyId}", PutAsync).Accepts<JourneyBody>("application/json").Produces<JourneyView>()
            .Documented("putJourney", "Replace a journey; a stale If-Match is refused", ApiVersioning.IfMatch);
        builders.MapDelete("/journeys/{journeyId}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("deleteJourney", "Delete a journey and its unused links; its submissions stay");
        group.MapGet("/journeys/submissions", SubmissionsAsync).RequireAuthorization(AuthorizationPolicies.UseRecords).Produces<SubmissionList>()
            .Documented("listJourneySubmissions", "The journeys submitted on a record, newest first");
        group.MapPost("/journeys/{journeyId}/links", CreateLinkAsync).RequireAuthorization(AuthorizationPolicies.WorkTasks).Accepts<LinkBody>("application/json")
            .Produces<LinkView>(StatusCodes.Status201Created).Idempotent()
            .Documented("createJourneyLink", "Create a signed link that opens the journey on a record (and task) once, for someone without an account");
        return group;
    }

    private static async Task<IResult> ListAsync(JourneyDefinitionService journeys, CancellationToken ct) =>
        TypedResults.Json(new JourneyList(await journeys.ListAsync(ct)), FlowJson.Options);

    private static async Task<Results<JsonHttpResult<JourneyView>, ApiProblem>> GetAsync(
        string journeyId, HttpResponse response, JourneyDefinitionService journeys, CancellationToken ct) =>
        Answer(await journeys.GetAsync(journeyId, ct) is { } journey ? Outcome<Journey>.From(journey) : NoJourney(journeyId), response, StatusCodes.Status200OK);

    private static async Task<Results<JsonHttpResult<JourneyView>, ApiProblem>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, JourneyDefinitionService journeys, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<JourneyBody>(request, ct);
        var asked = body.Succeeded ? body.Value.ToJourney(null) : body.Refusal;
        if (asked.Succeeded && asked.Value.Id.Length > 0 && await journeys.GetAsync(asked.Value.Id, ct) is not null)
        {
            return ApiResults.Problem(Refusal.Conflict($"There already is a journey '{asked.Value.Id}'; replace it with PUT."));
        }

        var saved = asked.Succeeded ? await journeys.SaveAsync(asked.Value, null, user.ToActor(), ct) : asked.Refusal;
        return Answer(saved, request.HttpContext.Response, StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<JourneyView>, ApiProblem>> PutAsync(
        string journeyId, HttpRequest request, ClaimsPrincipal user, JourneyDefinitionService journeys, CancellationToken ct)
    {
        var ifMatch = VersionHeaders.FromIfMatch(request);
        var body = ifMatch.Succeeded ? await ApiJson.ReadAsync<JourneyBody>(request, ct) : ifMatch.Refusal;
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        if (await journeys.GetAsync(journeyId, ct) is null)
        {
            return ApiResults.Problem(NoJourney(journeyId));
        }

        var asked = body.Value.ToJourney(journeyId);
        var saved = asked.Succeeded ? await journeys.SaveAsync(asked.Value, ifMatch.Value, user.ToActor(), ct) : asked.Refusal;
        return Answer(saved, request.HttpContext.Response, StatusCodes.Status200OK);
    }

    private static async Task<Results<NoContent, ApiProblem>> DeleteAsync(string journeyId, JourneyDefinitionService journeys, CancellationToken ct)
    {
        var deleted = await journeys.DeleteAsync(journeyId, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal);
    }

    private static async Task<Results<JsonHttpResult<SubmissionList>, ApiProblem>> SubmissionsAsync(
        [FromQuery(Name = "entity_id")] string? entityId, JourneyRunService runs, CancellationToken ct) =>
        entityId is null
            ? ApiResults.BadRequest("Name the record whose submissions to list: ?entity_id=…")
            : TypedResults.Json(new SubmissionList(await runs.SubmissionsForEntityAsync(entityId, ct)), FlowJson.Options);

    private static async Task<Results<JsonHttpResult<LinkView>, ApiProblem>> CreateLinkAsync(
        string journeyId, HttpRequest request, ClaimsPrincipal user, JourneyLinkService links, VisibleExecutions executions, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<LinkBody>(request, ct);
        var asked = body.Succeeded ? await CheckLinkAsync(body.Value, TaskAccess.AssigneeScope(user), executions, ct) : body.Refusal;
        if (asked is not null)
        {
            return ApiResults.Problem(asked);
        }

        var link = body.Value!;
        var created = await links.CreateLinkAsync(journeyId, link.EntityId!, link.ExecutionId, link.TaskId,
            link.ValidForDays is { } days ? TimeSpan.FromDays(days) : JourneyLinkService.DefaultLinkLifetime, user.ToActor(), ct);
        if (!created.Succeeded)
        {
            return ApiResults.Problem(created.Refusal);
        }

        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/j/{Uri.EscapeDataString(created.Value.Token)}";
        return TypedResults.Json(new LinkView(url, created.Value.Token, created.Value.ExpiresAt), FlowJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Who may share: staff on any record; a partner only for a task of theirs (TaskAccess), told "not found" otherwise.</summary>
    private static async Task<Refusal?> CheckLinkAsync(LinkBody link, IReadOnlyList<string>? scope, VisibleExecutions executions, CancellationToken ct)
    {
        if (link.EntityId is null)
        {
            return Refusal.Invalid("Name the record the journey opens on ('entity_id'), and its workflow and task when the journey belongs to one.");
        }

        if (link.ValidForDays is < 1 || link.ValidForDays > JourneyLinkService.MaxLinkLifetime.TotalDays)
        {
            return Refusal.Invalid($"'valid_for_days' is how long the link works: 1 to {JourneyLinkService.MaxLinkLifetime.TotalDays:0} days.");
        }

        if (link.TaskId is not null && link.ExecutionId is null)
        {
            return Refusal.Invalid("A task is found by its workflow too: send 'execution_id' with 'task_id'.");
        }

        if (link.ExecutionId is null)
        {
            return scope is null ? null : Refusal.Forbidden("A partner shares journeys only for tasks assigned to them or their organisation.");
        }

        var execution = await executions.GetAsync(link.ExecutionId, scope, ct);
        return !execution.Succeeded ? execution.Refusal
            : link.TaskId is null ? (scope is null ? null : Refusal.Forbidden("A partner shares journeys only for tasks assigned to them or their organisation."))
            : TaskAccess.MayWork(execution.Value, link.TaskId, scope);
    }

    private static Results<JsonHttpResult<JourneyView>, ApiProblem> Answer(Outcome<Journey> saved, HttpResponse response, int status) =>
        VersionHeaders.Answer(saved, response, j => j.Version, JourneyView.From, status);

    private static Refusal NoJourney(string journeyId) => Refusal.NotFound($"There is no journey '{journeyId}'.");

    /// <summary>A journey as sent: <c>name</c>, the record <c>schema</c> and its <c>steps</c> are required.</summary>
    public sealed record JourneyBody(string? Name, string? Schema, List<JourneyStep>? Steps, string? Description = null, string? Id = null)
    {
        public Outcome<Journey> ToJourney(string? pathId) =>
            pathId is not null && Id is not null && Id != pathId
                ? Refusal.Invalid($"The body names journey '{Id}' but the path '{pathId}'; leave 'id' out or make them agree.")
                : string.IsNullOrWhiteSpace(Name) || Schema is null || Steps is null
                    ? Refusal.Invalid("A journey needs a 'name', the record 'schema' it writes and its 'steps'.")
                    : new Journey { Id = pathId ?? Id ?? "", Name = Name, Schema = Schema, Steps = Steps, Description = Description };
    }

    public sealed record JourneyView(
        string Id, string Name, string? Description, string Schema, IReadOnlyList<JourneyStep> Steps, int Version, DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt, string? UpdatedBy)
    {
        public static JourneyView From(Journey j) => new(j.Id, j.Name, j.Description, j.Schema, j.Steps, j.Version, j.CreatedAt, j.UpdatedAt, j.UpdatedBy);
    }

    public sealed record JourneyList(IReadOnlyList<JourneySummary> Results);

    public sealed record SubmissionList(IReadOnlyList<JourneySubmission> Results);

    /// <summary>Where the link opens the journey, and for how many days it is valid (default 7, at most 90).</summary>
    public sealed record LinkBody(string? EntityId, string? ExecutionId = null, string? TaskId = null, int? ValidForDays = null);

    /// <summary>The link to send (<c>url</c>), its signed <c>token</c>, and when it expires.</summary>
    public sealed record LinkView(string Url, string Token, DateTimeOffset ExpiresAt);
}
