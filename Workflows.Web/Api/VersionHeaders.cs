using System.Globalization;
using Workflows.Core;

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

    public static void Tag(HttpResponse response, int? version)
    {
        if (version is { } v)
        {
            response.Headers.ETag = $"\"{v.ToString(CultureInfo.InvariantCulture)}\"";
        }
    }
}
