using Workflows.Core;

namespace Workflows.Web.Api;

/// <summary>Every API error as an <see cref="ApiProblem"/>: a <c>{ "message": … }</c> body with the refusal's status code.</summary>
internal static class ApiResults
{
    public static ApiProblem Problem(Refusal failure, int invalidStatus = StatusCodes.Status400BadRequest) => new(failure, invalidStatus);

    public static ApiProblem BadRequest(string message) => new(Refusal.Invalid(message));

    public static ApiProblem NotFound(string message) => new(Refusal.NotFound(message));
}
