using Microsoft.AspNetCore.Routing.Template;

namespace Workflows.Web.Api;

/// <summary>
/// The answer for an API request no endpoint took. Routing passes over an endpoint whose route matches but whose method
/// or content type does not; so when an API route matches the path with this method, the body was not sent as JSON
/// (415); with other methods, 405 with the methods it takes (<c>Allow</c>); otherwise 404. All as <c>{ "message": … }</c>.
/// </summary>
internal static class UnknownApiRoute
{
    public static IResult Answer(HttpContext context, EndpointDataSource endpoints)
    {
        var request = context.Request;
        var path = request.Path;
        var allowed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 }
                && ApiSetup.IsApiPath("/" + e.RoutePattern.RawText?.TrimStart('/'))
                && new TemplateMatcher(new RouteTemplate(e.RoutePattern), []).TryMatch(path, []))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (allowed.Count == 0)
        {
            return ApiResults.NotFound($"There is no API endpoint {path}.");
        }

        if (allowed.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            var sent = request.ContentType is { } type ? $", not '{(type.Length > 60 ? type[..60] + "…" : type)}'" : "";
            return TypedResults.Json(
                new ApiError($"Send the body as JSON with 'Content-Type: application/json'{sent}."),
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        context.Response.Headers.Allow = string.Join(", ", allowed);
        return TypedResults.Json(
            new ApiError($"{request.Method} is not allowed on {path}; it answers {string.Join(", ", allowed)}."),
            statusCode: StatusCodes.Status405MethodNotAllowed);
    }
}
