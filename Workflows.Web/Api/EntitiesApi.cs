using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core.Entities;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>The subset of epilot's entity API that workflows need: schemas, records and search.</summary>
public static class EntitiesApi
{
    public static RouteGroupBuilder MapEntitiesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Entities");
        var records = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.UseRecords);
        records.MapGet("/entity/schemas", ListSchemasAsync).Documented("listSchemas", "List the record schemas");
        records.MapGet("/entity/schemas/{slug}", GetSchemaAsync).Produces<SchemaJson>().Documented("getSchema", "Read a schema");
        group.MapPut("/entity/schemas/{slug}", PutSchemaAsync).RequireAuthorization(AuthorizationPolicies.Administer).Produces<SchemaJson>()
            .Documented("putSchema", "Create or replace a schema", StatusCodes.Status409Conflict);
        records.MapPost("/entity/{slug}", CreateAsync).Requests(RequestSchemas.Entity).Idempotent().Produces<JsonObject>(StatusCodes.Status201Created)
            .Documented("createEntity", "Create a record", StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        records.MapPatch("/entity/{slug}:upsert", UpsertAsync).Requests(RequestSchemas.Upsert).Produces<JsonObject>().Produces<JsonObject>(StatusCodes.Status201Created)
            .Documented("upsertEntity", "Update the record a unique attribute's value names, or create it", StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        records.MapGet("/entity/{slug}/{id}", GetAsync).Produces<JsonObject>().Documented("getEntity", "Read a record");
        records.MapPut("/entity/{slug}/{id}", (string slug, string id, JsonObject body, ClaimsPrincipal user, EntityService entities, CancellationToken ct)
            => UpdateAsync(slug, id, body, replace: true, user, entities, ct)).Requests(RequestSchemas.Entity)
            .Documented("updateEntity", "Replace a record's attributes", StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        records.MapPatch("/entity/{slug}/{id}", (string slug, string id, JsonObject body, ClaimsPrincipal user, EntityService entities, CancellationToken ct)
            => UpdateAsync(slug, id, body, replace: false, user, entities, ct)).Requests(RequestSchemas.Entity)
            .Documented("patchEntity", "Change some of a record's attributes", StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        group.MapDelete("/entity/{slug}/{id}", DeleteAsync)
            .RequireAuthorization(AuthorizationPolicies.DeleteRecords).Produces<JsonObject>().Documented("deleteEntity", "Delete a record");
        records.MapPost("/entity:search", SearchAsync).Requests(RequestSchemas.EntitySearch).Produces<SearchResults>()
            .Documented("searchEntities", "Search the records of a schema, a page at a time");
        return group;
    }

    private static async Task<Ok<SchemaList>> ListSchemasAsync(EntityService entities, CancellationToken ct) =>
        TypedResults.Ok(new SchemaList([.. (await entities.ListSchemasAsync(ct)).Select(SchemaJson.From)]));

    private static async Task<IResult> GetSchemaAsync(string slug, EntityService entities, CancellationToken ct) =>
        await entities.GetSchemaAsync(slug, ct) is { } schema
            ? TypedResults.Ok(SchemaJson.From(schema))
            : ApiResults.NotFound($"There is no schema '{slug}'.");

    private static async Task<IResult> PutSchemaAsync(string slug, SchemaJson body, EntityService entities, CancellationToken ct)
    {
        if (body.Slug is not null && body.Slug != slug)
        {
            return ApiResults.BadRequest($"The body's slug '{body.Slug}' differs from the path's '{slug}'.");
        }

        var result = await entities.SaveSchemaAsync(body.ToSchema(slug), ct);
        return result.Succeeded ? TypedResults.Ok(SchemaJson.From(result.Value)) : ApiResults.Problem(result.Refusal);
    }

    private static async Task<IResult> CreateAsync(string slug, JsonObject body, ClaimsPrincipal user, EntityService entities, CancellationToken ct)
    {
        var result = await entities.CreateAsync(slug, body, user.ToActor(), ct);
        return result.Succeeded
            ? TypedResults.Json(RecordJson.From(result.Value), statusCode: StatusCodes.Status201Created)
            : ApiResults.Problem(result.Refusal, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> UpsertAsync(string slug, UpsertRequest body, ClaimsPrincipal user, EntityService entities, CancellationToken ct)
    {
        if (body.UniqueKey is not [var attribute] || body.Entity is null)
        {
            return ApiResults.BadRequest("Send 'unique_key' with the one unique attribute to find the record by, such as [\"email\"], and the values in 'entity'.");
        }

        var result = await entities.UpsertAsync(slug, attribute, body.Entity, user.ToActor(), ct);
        return result.Succeeded
            ? TypedResults.Json(RecordJson.From(result.Value.Record), statusCode: result.Value.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
            : ApiResults.Problem(result.Refusal, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> GetAsync(string slug, string id, bool? hydrate, EntityService entities, CancellationToken ct)
    {
        if (await entities.GetAsync(slug, id, ct) is not { } record)
        {
            return ApiResults.NotFound($"There is no {slug} with id '{id}'.");
        }

        return TypedResults.Ok(hydrate == true ? RecordJson.From(record, await entities.RelatedAsync([record], ct)) : RecordJson.From(record));
    }

    private static async Task<Results<Ok<JsonObject>, ApiProblem>> UpdateAsync(
        string slug, string id, JsonObject body, bool replace, ClaimsPrincipal user, EntityService entities, CancellationToken ct)
    {
        var basedOn = RecordJson.UpdatedAtOf(body);
        if (!basedOn.Succeeded)
        {
            return ApiResults.Problem(basedOn.Refusal);
        }

        var result = await entities.UpdateBasedOnAsync(slug, id, body, basedOn.Value, replace, user.ToActor(), ct);
        return result.Succeeded ? TypedResults.Ok(RecordJson.From(result.Value)) : ApiResults.Problem(result.Refusal, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> DeleteAsync(string slug, string id, ClaimsPrincipal user, EntityService entities, CancellationToken ct)
    {
        var result = await entities.DeleteAsync(slug, id, user.ToActor(), ct);
        return result.Succeeded ? TypedResults.Ok(RecordJson.From(result.Value)) : ApiResults.Problem(result.Refusal);
    }

    private static async Task<IResult> SearchAsync(SearchRequest body, EntityService entities, CancellationToken ct)
    {
        var parsed = EntitySearchQuery.Parse(body.Q);
        if (!parsed.Succeeded)
        {
            return ApiResults.Problem(parsed.Refusal);
        }

        if (parsed.Value.Schema is null)
        {
            return ApiResults.BadRequest("Name the schema in the query, such as \"_schema:contact AND city:Berlin\".");
        }

        if (body.From < 0 || body.Size is < 0 or > RecordQuery.MaxPageSize)
        {
            return ApiResults.BadRequest($"'from' is 0 or more and 'size' is 0 (only the count) to {RecordQuery.MaxPageSize}.");
        }

        if (!Sorts.TryGetValue(body.Sort ?? DefaultSort, out var sort))
        {
            return ApiResults.BadRequest($"'sort' is one of {string.Join(", ", Sorts.Keys)}; '{body.Sort}' is not.");
        }

        var query = new RecordQuery
        {
            Text = parsed.Value.Text,
            Filters = parsed.Value.Filters,
            PageSize = body.Size ?? DefaultPageSize,
            From = body.From ?? 0,
            Sort = sort,
        };
        var page = await entities.SearchAsync(parsed.Value.Schema, query, ct);
        if (!page.Succeeded)
        {
            return ApiResults.Problem(page.Refusal);
        }

        var related = body.Hydrate == true ? await entities.RelatedAsync(page.Value.Items, ct) : RelatedRecords.None;
        return TypedResults.Ok(new SearchResults(page.Value.Total, [.. page.Value.Items.Select(record => RecordJson.From(record, related))]));
    }

    /// <summary>How many records a search answers unless it names a <c>size</c> (epilot's default).</summary>
    public const int DefaultPageSize = 10;

    private const string DefaultSort = "_updated_at:desc";

    /// <summary>The <c>sort</c> values a search takes.</summary>
    public static IEnumerable<string> SortNames => Sorts.Keys;

    /// <summary>The orders a search can ask for, in epilot's spelling; ties go by id, so pages never overlap.</summary>
    private static readonly Dictionary<string, RecordSort> Sorts = new(StringComparer.Ordinal)
    {
        ["_updated_at:desc"] = RecordSort.UpdatedDescending,
        ["_updated_at"] = RecordSort.UpdatedAscending,
        ["_updated_at:asc"] = RecordSort.UpdatedAscending,
        ["_created_at"] = RecordSort.CreatedAscending,
        ["_created_at:asc"] = RecordSort.CreatedAscending,
        ["_created_at:desc"] = RecordSort.CreatedDescending,
        ["_title"] = RecordSort.TitleAscending,
        ["_title:asc"] = RecordSort.TitleAscending,
        ["_title:desc"] = RecordSort.TitleDescending,
    };

    public sealed record SchemaList(IReadOnlyList<SchemaJson> Results);

    /// <summary>epilot's search: <c>q</c>, paging by <c>from</c> and <c>size</c>, one <c>sort</c>, and <c>hydrate</c> to show related records in place.</summary>
    public sealed record SearchRequest(string? Q, int? From, int? Size, string? Sort, bool? Hydrate);

    /// <summary>epilot's upsert: the attribute to find the record by (one, marked unique in the schema) and the values to write.</summary>
    public sealed record UpsertRequest(IReadOnlyList<string>? UniqueKey, JsonObject? Entity);

    public sealed record SearchResults(int Hits, IReadOnlyList<JsonObject> Results);
}
