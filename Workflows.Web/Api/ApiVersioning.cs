namespace Workflows.Web.Api;

/// <summary>How an operation takes part in optimistic concurrency (<see cref="VersionHeaders"/>).</summary>
public enum ApiVersioning
{
    None,

    /// <summary>Answers with the version it shows in <c>ETag</c>.</summary>
    ETag,

    /// <summary>Answers with <c>ETag</c> and reads <c>If-Match</c>: 400 when it is not a version, 409 when it is stale.</summary>
    IfMatch,
}
