using Microsoft.AspNetCore.Http.Metadata;

namespace Workflows.Web.Api;

/// <summary>
/// Every body an API endpoint reads as JSON passes here first, before any binder or handler sees it: one that is not JSON
/// the API reads (malformed, too deep, duplicate keys, text that is not Unicode) answers 400 with the reason, so
/// endpoints and binders only meet well-formed JSON. (Routing already turned away bodies not sent as JSON: see
/// <see cref="UnknownApiRoute"/>.)
/// </summary>
internal sealed class JsonBodyGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ApiSetup.IsApiPath(request.Path) || context.GetEndpoint() is not { } endpoint || !ReadsJson(endpoint.Metadata))
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        if (await ApiJson.ProblemAsync(request.Body, context.RequestAborted) is { } problem)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        request.Body.Position = 0;
        await next(context);
    }

    /// <summary>Whether an endpoint with this metadata takes a JSON body, so its body passes here.</summary>
    public static bool ReadsJson(IEnumerable<object> metadata) =>
        metadata.OfType<IAcceptsMetadata>().LastOrDefault() is { } accepts
        && accepts.ContentTypes.Any(type => type.Contains("json", StringComparison.OrdinalIgnoreCase));

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), context.RequestAborted);
    }
}
