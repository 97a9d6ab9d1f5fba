using Microsoft.AspNetCore.Authorization;
using Workflows.Core.Identity;

namespace Workflows.Web.Api;

/// <summary>
/// The contract of one API operation, declared beside its route with <see cref="ApiOperations"/>: its operationId
/// (epilot's where epilot has the operation), a summary, how it uses <c>ETag</c> and <c>If-Match</c>, and the refusals
/// its own code can send. <see cref="Statuses"/> adds the ones every operation of its kind
/// can meet at the edge; the OpenAPI document (<see cref="OpenApiContract"/>) lists exactly these.
/// </summary>
public sealed record ApiOperation(string Id, string Summary, ApiVersioning Versioning, IReadOnlyList<int> Refusals)
{
    /// <summary>
    /// Every error status the operation can answer: 429 for all; 401 for all but the anonymous ones (a customer's
    /// progress link, whose token is its credential); 403 when some role lacks its permission; 400 and
    /// 415 when it reads a JSON body (<see cref="JsonBodyGate"/>, <see cref="UnknownApiRoute"/>); 404 when its path names
    /// something; 400 and 409 when it reads <c>If-Match</c>; 409 and 422 when it honours <c>Idempotency-Key</c>
    /// (<see cref="IdempotencyGate"/>); and the refusals declared by the endpoint.
    /// </summary>
    public IReadOnlyList<int> Statuses(IEnumerable<object> metadata, string route)
    {
        var statuses = new SortedSet<int>(Refusals) { StatusCodes.Status429TooManyRequests };
        if (!IsAnonymous(metadata))
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
        }

        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is { } p
                && Enum.TryParse<Permission>(p, out var permission) && AccessPolicy.RolesFor(permission).Count < Roles.All.Count))
        {
            statuses.Add(StatusCodes.Status403Forbidden);
        }

        if (JsonBodyGate.ReadsJson(metadata))
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status415UnsupportedMediaType]);
        }

        if (route.Contains('{', StringComparison.Ordinal))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (Versioning == ApiVersioning.IfMatch)
        {
            statuses.UnionWith([StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict]);
        }

        if (metadata.OfType<IdempotentCreation>().Any())
        {
            statuses.UnionWith([StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity]);
        }

        return [.. statuses];
    }

    /// <summary>Whether the operation answers without an API token.</summary>
    public static bool IsAnonymous(IEnumerable<object> metadata) => metadata.OfType<IAllowAnonymous>().Any();
}
