namespace Workflows.Web.Api;

/// <summary>The body of every API error, as the epilot specs define it.</summary>
public sealed record ApiError(string Message);
