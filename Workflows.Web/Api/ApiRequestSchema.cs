using Microsoft.OpenApi;

namespace Workflows.Web.Api;

/// <summary>
/// The request body an operation declares beside its route (<c>.Requests(RequestSchemas.PatchTask)</c>) when the body
/// is read by hand or its constraints are the server's rules: the document shows this schema, under this name.
/// </summary>
public sealed record ApiRequestSchema(string Name, Func<OpenApiSchema> Build);
