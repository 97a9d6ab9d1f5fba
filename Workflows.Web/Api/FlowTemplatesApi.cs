using System.Security.Claims;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Core;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Flow templates (the definition spec's <c>/v2/flows/templates</c>): staff read, builders and admins write. A save
/// based on a stale revision is refused with 409, an invalid template with 400 and the validator's messages.
/// </summary>
public static class FlowTemplatesApi
{
    public static RouteGroupBuilder MapFlowTemplatesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/flows").WithTags("Flow templates");
        var readers = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.ReadDefinitions);
        var builders = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.Build);

        readers.MapGet("/templates", ListAsync).Produces<TemplateList>()
            .Documented("listFlowTemplates", "List template summaries, a page at a time", StatusCodes.Status400BadRequest);
        readers.MapPost("/templates:search", SearchAsync).Accepts<SearchRequest>("application/json").Produces<SearchResults>()
            .Documented("searchFlowTemplates", "Search template summaries by name, id, trigger, status, labels and running workflows");
        readers.MapGet("/templates/{flowId}", GetAsync).Produces<FlowTemplate>()
            .Documented("getFlowTemplate", "Read a whole template", ApiVersioning.ETag);
        builders.MapPost("/templates", CreateAsync).Accepts<FlowTemplate>("application/json").Idempotent().Produces<FlowTemplate>(StatusCodes.Status201Created)
            .Documented("createFlowTemplate", "Create a template", ApiVersioning.ETag, StatusCodes.Status409Conflict);
        builders.MapPut("/templates/{flowId}", UpdateAsync).Accepts<FlowTemplate>("application/json").Produces<FlowTemplate>()
            .Documented("updateFlowTemplate", "Replace a template; a stale If-Match or revision is refused", ApiVersioning.IfMatch);
        builders.MapDelete("/templates/{flowId}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("deleteFlowTemplate", "Delete a template none of whose workflows still run", StatusCodes.Status409Conflict);
        builders.MapPost("/templates/{flowId}/duplicate", DuplicateAsync).Idempotent().Produces<FlowTemplate>(StatusCodes.Status201Created)
            .Documented("duplicateFlowTemplate", "Copy a template under a new id");
        return group;
    }

    /// <param name="taxonomies">Comma-separated labels: only templates carrying every one of them.</param>
    private static async Task<IResult> ListAsync(
        string? trigger_type, string? trigger_source_id, string? trigger_schema, string? taxonomies, bool? enabled, bool? has_running_workflows,
        int? from, int? size, FlowTemplateService templates, CancellationToken ct)
    {
        var type = ParseTriggerType(trigger_type);
        if ((type.Refusal ?? CheckPage(from, size)) is { } refused)
        {
            return ApiResults.Problem(refused);
        }

        var page = await templates.QueryAsync(new TemplateQuery
        {
            TriggerType = type.Value, TriggerSourceId = trigger_source_id, TriggerSchema = trigger_schema,
            Labels = taxonomies?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Enabled = enabled, HasRunningWorkflows = has_running_workflows, From = from ?? 0, Size = size ?? DefaultPageSize,
        }, ct);
        return TypedResults.Json(new TemplateList(page.Total, [.. page.Items.Select(TemplateSummary.Of)]), FlowJson.Options);
    }

    /// <summary>How many summaries a page holds unless the caller asks for another size (0 to <see cref="MaxPageSize"/>; 0 gives only the count).</summary>
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 1000;

    private static Refusal? CheckPage(int? from, int? size) =>
        from < 0 || size is < 0 or > MaxPageSize ? Refusal.Invalid($"from must be 0 or more and size between 0 and {MaxPageSize}.") : null;

    private static async Task<IResult> SearchAsync(HttpRequest request, FlowTemplateService templates, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<SearchRequest>(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        var search = body.Value;
        var type = ParseTriggerType(search.TriggerType);
        if (!type.Succeeded)
        {
            return ApiResults.Problem(type.Refusal);
        }

        if (search.SortBy is not (null or "created_at" or "updated_at") || search.SortOrder is not (null or "asc" or "desc"))
        {
            return ApiResults.BadRequest("sort_by is created_at or updated_at; sort_order is asc or desc.");
        }

        if (CheckPage(search.From, search.Size) is { } badPage)
        {
            return ApiResults.Problem(badPage);
        }

        var page = await templates.QueryAsync(new TemplateQuery
        {
            Name = search.Name,
            Id = search.DefinitionId,
            TriggerType = type.Value,
            Enabled = search.Enabled,
            Labels = search.Taxonomies,
            HasRunningWorkflows = search.HasRunningWorkflows,
            From = search.From ?? 0,
            Size = search.Size ?? 50,
            Sort = search.SortBy == "created_at" ? TemplateSort.Created : TemplateSort.Updated,
            Descending = search.SortOrder != "asc",
        }, ct);
        return TypedResults.Json(new SearchResults(page.Total, [.. page.Items.Select(TemplateSummary.Of)]), FlowJson.Options);
    }

    private static async Task<IResult> GetAsync(string flowId, HttpResponse response, FlowTemplateService templates, CancellationToken ct)
    {
        if (await templates.GetAsync(flowId, ct) is not { } template)
        {
            return NotFound(flowId);
        }

        VersionHeaders.Tag(response, template.Revision);
        return TypedResults.Json(template, FlowJson.Options);
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, FlowTemplateService templates, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<FlowTemplate>(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        var template = body.Value;
        if (!string.IsNullOrEmpty(template.Id) && await templates.GetAsync(template.Id, ct) is not null)
        {
            return ApiResults.Problem(Refusal.Conflict($"A workflow template '{template.Id}' already exists; change it with PUT /v2/flows/templates/{template.Id}."));
        }

        template.Revision = null;
        var saved = await templates.SaveAsync(template, expectedRevision: null, user.ToActor(), ct, note: "Created through the API");
        if (!saved.Succeeded)
        {
            return ApiResults.Problem(saved.Refusal);
        }

        VersionHeaders.Tag(request.HttpContext.Response, saved.Value.Revision);
        return TypedResults.Json(saved.Value, FlowJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UpdateAsync(
        string flowId, HttpRequest request, ClaimsPrincipal user, FlowTemplateService templates, CancellationToken ct)
    {
        var ifMatch = VersionHeaders.FromIfMatch(request);
        if (!ifMatch.Succeeded)
        {
            return ApiResults.Problem(ifMatch.Refusal);
        }

        var body = await ApiJson.ReadAsync<FlowTemplate>(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        var template = body.Value;
        if (!string.IsNullOrEmpty(template.Id) && template.Id != flowId)
        {
            return ApiResults.BadRequest($"The body's id '{template.Id}' differs from the path's '{flowId}'.");
        }

        if (await templates.GetAsync(flowId, ct) is null)
        {
            return NotFound(flowId);
        }

        // The revision the client loaded, from If-Match or the document it sends back; none means "overwrite".
        template.Id = flowId;
        var saved = await templates.SaveAsync(template, ifMatch.Value ?? template.Revision, user.ToActor(), ct);
        if (!saved.Succeeded)
        {
            return ApiResults.Problem(saved.Refusal);
        }

        VersionHeaders.Tag(request.HttpContext.Response, saved.Value.Revision);
        return TypedResults.Json(saved.Value, FlowJson.Options);
    }

    private static async Task<IResult> DeleteAsync(string flowId, ClaimsPrincipal user, FlowTemplateService templates, CancellationToken ct)
    {
        var deleted = await templates.DeleteAsync(flowId, user.ToActor(), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal);
    }

    private static async Task<IResult> DuplicateAsync(string flowId, ClaimsPrincipal user, FlowTemplateService templates, CancellationToken ct)
    {
        var copy = await templates.DuplicateAsync(flowId, user.ToActor(), ct);
        return copy.Succeeded
            ? TypedResults.Json(copy.Value, FlowJson.Options, statusCode: StatusCodes.Status201Created)
            : ApiResults.Problem(copy.Refusal);
    }

    private static Outcome<TemplateTriggerType?> ParseTriggerType(string? text) => text switch
    {
        null or "" => (TemplateTriggerType?)null,
        "manual" => TemplateTriggerType.Manual,
        "automation" => TemplateTriggerType.Automation,
        "journey_submission" => TemplateTriggerType.JourneySubmission,
        _ => Refusal.Invalid("trigger_type is manual, automation or journey_submission."),
    };

    private static ApiProblem NotFound(string flowId) => ApiResults.NotFound($"There is no workflow template '{flowId}'.");

    /// <summary><c>hits</c>: how many templates match; <c>results</c>: the page's summaries.</summary>
    public sealed record TemplateList(int Hits, IReadOnlyList<TemplateSummary> Results);

    public sealed record SearchResults(int Hits, IReadOnlyList<TemplateSummary> Results);

    /// <summary>A template as lists show it, without its phases, tasks and edges: the whole document is read by id.</summary>
    public sealed record TemplateSummary(
        string? Id, string Name, string? Description, bool? Enabled, TemplateTrigger? Trigger, IReadOnlyList<TemplateTrigger>? AdditionalTriggers,
        int? Revision, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, int TaskCount, int PhaseCount, IReadOnlyList<string>? Taxonomies)
    {
        public static TemplateSummary Of(FlowTemplate t) => new(
            t.Id, t.Name, t.Description, t.Enabled, t.Trigger, t.AdditionalTriggers, t.Revision, t.CreatedAt, t.UpdatedAt,
            t.Tasks.Count, t.Phases?.Count ?? 0, t.Taxonomies);
    }

    /// <param name="Taxonomies">Only templates carrying every one of these labels.</param>
    /// <param name="HasRunningWorkflows">True: only templates with a running workflow; false: only those without.</param>
    public sealed record SearchRequest(
        string? Name, string? DefinitionId, string? TriggerType, bool? Enabled, int? From, int? Size, string? SortBy, string? SortOrder,
        IReadOnlyList<string>? Taxonomies = null, bool? HasRunningWorkflows = null);
}
