namespace Workflows.Web.Api;

/// <summary>How an endpoint declares its <see cref="ApiOperation"/>: <c>.Documented("patchTask", "Work a task", ApiVersioning.IfMatch)</c>.</summary>
public static class ApiOperations
{
    /// <param name="builder">The endpoint.</param>
    /// <param name="operationId">epilot's operationId where epilot has the operation, otherwise a camelCase one of ours.</param>
    /// <param name="summary">One line for the reference page.</param>
    /// <param name="refusals">Statuses the handler itself refuses with beyond the edge's (409 for a duplicate, 422, …).</param>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder builder, string operationId, string summary, params int[] refusals) =>
        builder.Documented(operationId, summary, ApiVersioning.None, refusals);

    /// <summary>As the other overload, for an operation that sends <c>ETag</c> or also reads <c>If-Match</c>.</summary>
    public static RouteHandlerBuilder Documented(
        this RouteHandlerBuilder builder, string operationId, string summary, ApiVersioning versioning, params int[] refusals) =>
        builder.WithName(operationId).WithSummary(summary).WithMetadata(new ApiOperation(operationId, summary, versioning, refusals));
}
