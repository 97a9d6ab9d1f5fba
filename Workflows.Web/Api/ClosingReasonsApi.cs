using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Core;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// The closing-reason catalogue (<c>/v1</c> and <c>/v2/workflows/closing-reasons</c>), the subset a template offers and
/// the snapshot an execution started with. Staff read; builders and admins change the catalogue and templates.
/// </summary>
public static class ClosingReasonsApi
{
    public static RouteGroupBuilder MapClosingReasonsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Closing reasons");
        var readers = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.ReadDefinitions);
        var builders = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.Build);

        readers.MapGet("/v1/workflows/closing-reasons", ListAsync).Produces<ReasonList>()
            .Documented("getAllClosingReasons", "List the catalogue of closing reasons", StatusCodes.Status400BadRequest);
        builders.MapPost("/v1/workflows/closing-reasons", CreateAsync).Accepts<ReasonBody>("application/json").Requests(RequestSchemas.ClosingReason).Idempotent().Produces<ReasonJson>(StatusCodes.Status201Created)
            .Documented("createClosingReason", "Add a closing reason to the catalogue", StatusCodes.Status409Conflict);
        readers.MapGet("/v1/workflows/closing-reasons/{reasonId}", GetAsync).Produces<ReasonJson>()
            .Documented("getClosingReasonV1", "Read a closing reason");
        builders.MapPatch("/v1/workflows/closing-reasons/{reasonId}", ChangeStatusAsync).Accepts<ReasonBody>("application/json")
            .Produces(StatusCodes.Status202Accepted).Documented("changeReasonStatus", "Set a closing reason ACTIVE or INACTIVE");
        readers.MapGet("/v2/workflows/closing-reasons/{reasonId}", GetAsync).Produces<ReasonJson>()
            .Documented("getClosingReason", "Read a closing reason");
        builders.MapPatch("/v2/workflows/closing-reasons/{reasonId}", UpdateAsync).Accepts<ReasonBody>("application/json").Requests(RequestSchemas.ClosingReason).Produces<ReasonJson>()
            .Documented("updateClosingReason", "Change a closing reason's title or status", StatusCodes.Status409Conflict);
        builders.MapDelete("/v2/workflows/closing-reasons/{reasonId}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("deleteClosingReason", "Delete a closing reason no template offers", StatusCodes.Status409Conflict);
        readers.MapGet("/v1/workflows/definitions/{definitionId}/closing-reasons", GetTemplateReasonsAsync).Produces<ReasonIds>()
            .Documented("getWorkflowClosingReasons", "The closing reasons a template offers");
        builders.MapPatch("/v1/workflows/definitions/{definitionId}/closing-reasons", SetTemplateReasonsAsync).Accepts<ReasonIds>("application/json")
            .Produces(StatusCodes.Status201Created).Documented("setWorkflowClosingReasons", "Set the closing reasons a template offers", StatusCodes.Status409Conflict);
        readers.MapGet("/v1/workflows/executions/{executionId}/closing-reasons", GetExecutionReasonsAsync).Produces<ExecutionReasons>()
            .Documented("getClosingReasonExecution", "The closing reasons a workflow started with");
        return group;
    }

    private static async Task<IResult> ListAsync(bool? includeInactive, ClosingReasonCatalogue catalogue, CancellationToken ct)
    {
        var reasons = await catalogue.ListAsync(includeInactive ?? false, ct);
        return TypedResults.Json(new ReasonList([.. reasons.Select(ReasonJson.From)]), FlowJson.Options);
    }

    private static async Task<IResult> GetAsync(string reasonId, ClosingReasonCatalogue catalogue, CancellationToken ct) =>
        await catalogue.GetAsync(reasonId, ct) is { } reason
            ? TypedResults.Json(ReasonJson.From(reason), FlowJson.Options)
            : NotFound(reasonId);

    private static async Task<Results<JsonHttpResult<ReasonJson>, ApiProblem>> CreateAsync(
        HttpRequest request, ClosingReasonCatalogue catalogue, CancellationToken ct)
    {
        var body = await ReadAsync(request, ct);
        var asked = body.Succeeded && body.Value.Title is null ? Refusal.Invalid("A closing reason needs a title.") : body;
        var created = asked.Succeeded
            ? await catalogue.CreateAsync(asked.Value.Title!, ct, asked.Value.Status ?? ClosingReasonStatus.ACTIVE)
            : asked.Refusal;
        return created.Succeeded
            ? TypedResults.Json(ReasonJson.From(created.Value), FlowJson.Options, statusCode: StatusCodes.Status201Created)
            : ApiResults.Problem(created.Refusal);
    }

    private static async Task<IResult> ChangeStatusAsync(string reasonId, HttpRequest request, ClosingReasonCatalogue catalogue, CancellationToken ct)
    {
        var body = await ReadAsync(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        if (body.Value.Status is not { } status)
        {
            return ApiResults.BadRequest("Send the new status: ACTIVE or INACTIVE.");
        }

        var changed = await catalogue.SetStatusAsync(reasonId, status, ct);
        return changed.Succeeded ? TypedResults.Accepted((string?)null) : ApiResults.Problem(changed.Refusal);
    }

    private static async Task<Results<JsonHttpResult<ReasonJson>, ApiProblem>> UpdateAsync(
        string reasonId, HttpRequest request, ClosingReasonCatalogue catalogue, CancellationToken ct)
    {
        var body = await ReadAsync(request, ct);
        var asked = body.Succeeded && body.Value is { Title: null, Status: null }
            ? Refusal.Invalid("Send a new title, a new status (ACTIVE or INACTIVE), or both.")
            : body;
        if (!asked.Succeeded || await catalogue.GetAsync(reasonId, ct) is null)
        {
            return asked.Succeeded ? NotFound(reasonId) : ApiResults.Problem(asked.Refusal);
        }

        var updated = await catalogue.UpdateAsync(reasonId, asked.Value.Title, asked.Value.Status, ct);
        return updated.Succeeded ? TypedResults.Json(ReasonJson.From(updated.Value), FlowJson.Options) : ApiResults.Problem(updated.Refusal);
    }

    private static async Task<IResult> DeleteAsync(string reasonId, ClosingReasonCatalogue catalogue, CancellationToken ct)
    {
        var deleted = await catalogue.DeleteAsync(reasonId, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal);
    }

    private static async Task<IResult> GetTemplateReasonsAsync(string definitionId, FlowTemplateService templates, CancellationToken ct) =>
        await templates.GetAsync(definitionId, ct) is { } template
            ? TypedResults.Json(new ReasonIds([.. (template.ClosingReasons ?? []).Select(r => new ReasonId(r.Id))]), FlowJson.Options)
            : ApiResults.NotFound($"There is no workflow template '{definitionId}'.");

    private static async Task<IResult> SetTemplateReasonsAsync(
        string definitionId, HttpRequest request, ClaimsPrincipal user, FlowTemplateService templates, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ReasonIds>(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        if (body.Value.Reasons is null || body.Value.Reasons.Any(r => string.IsNullOrEmpty(r.Id)))
        {
            return ApiResults.BadRequest("Send the reasons the workflow offers: { \"reasons\": [{ \"id\": … }] }.");
        }

        var saved = await templates.SetClosingReasonsAsync(definitionId, [.. body.Value.Reasons.Select(r => r.Id!)], user.ToActor(), ct);
        return saved.Succeeded ? TypedResults.StatusCode(StatusCodes.Status201Created) : ApiResults.Problem(saved.Refusal);
    }

    private static async Task<IResult> GetExecutionReasonsAsync(string executionId, FlowExecutionService executions, CancellationToken ct) =>
        await executions.GetAsync(executionId, ct) is { } execution
            ? TypedResults.Json(new ExecutionReasons(execution.ClosingReason?.ConfiguredReasons ?? []), FlowJson.Options)
            : ApiResults.NotFound($"There is no workflow '{executionId}'.");

    private static async Task<Outcome<ReasonBody>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ReasonBody>(request, ct);
        if (body.Succeeded && body.Value.Title is { Length: > ClosingReasonCatalogue.MaxTitleLength })
        {
            return Refusal.Invalid($"A title can have at most {ClosingReasonCatalogue.MaxTitleLength} characters.");
        }

        return body;
    }

    private static ApiProblem NotFound(string reasonId) => ApiResults.NotFound($"There is no closing reason '{reasonId}'.");

    /// <summary>A catalogue entry as the spec shows it; its two times are camelCase there.</summary>
    public sealed record ReasonJson(
        string Id,
        string Title,
        ClosingReasonStatus Status,
        [property: JsonPropertyName("lastUpdateTime")] DateTimeOffset LastUpdateTime,
        [property: JsonPropertyName("creationTime")] DateTimeOffset CreationTime)
    {
        public static ReasonJson From(ClosingReason reason) =>
            new(reason.Id, reason.Title, reason.Status, reason.LastUpdateTime, reason.CreationTime);
    }

    /// <summary>What a client sends for a reason; the id and times are the server's.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record ReasonBody(string? Id, string? Title, ClosingReasonStatus? Status)
    {
        [JsonPropertyName("lastUpdateTime")]
        public string? LastUpdateTime { get; init; }

        [JsonPropertyName("creationTime")]
        public string? CreationTime { get; init; }
    }

    public sealed record ReasonList(IReadOnlyList<ReasonJson> Reasons);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record ReasonId(string? Id);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record ReasonIds(IReadOnlyList<ReasonId>? Reasons);

    public sealed record ExecutionReasons(IReadOnlyList<ClosingReasonRef> Reasons);
}
