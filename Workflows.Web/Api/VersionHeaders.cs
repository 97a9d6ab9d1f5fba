using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core;
using Workflows.Core.Flows;

namespace Workflows.Web.Api;

/// <summary>
/// Optimistic concurrency for executions and templates. The specs carry no version in their PATCH bodies, so a client
/// names the version it saw in <c>If-Match</c> (as returned in <c>ETag</c>, or the document's <c>version</c>);
/// a stale one is answered with 409.
/// </summary>
internal static class VersionHeaders
{
    /// <summary>The version in <c>If-Match</c>: null when absent or <c>*</c>, a refusal when it is not a number.</summary>
    public static Outcome<int?> FromIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return (int?)null;
        }

        var text = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return int.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : Refusal.Invalid("If-Match must name the version you based the change on, such as If-Match: \"7\".");
    }

    /// <summary>A versioned document as answered: its view, with its version in <c>ETag</c>; or the refusal.</summary>
    public static Results<JsonHttpResult<TView>, ApiProblem> Answer<T, TView>(
        Outcome<T> outcome, HttpResponse response, Func<T, int> version, Func<T, TView> view, int status = StatusCodes.Status200OK)
    {
        if (!outcome.Succeeded)
        {
            return ApiResults.Problem(outcome.Refusal);
        }

        Tag(response, version(outcome.Value!));
        return TypedResults.Json(view(outcome.Value!), FlowJson.Options, statusCode: status);
    }

    public static void Tag(HttpResponse response, int? version)
    {
        if (version is { } v)
        {
            response.Headers.ETag = $"\"{v.ToString(CultureInfo.InvariantCulture)}\"";
        }
    }
}
