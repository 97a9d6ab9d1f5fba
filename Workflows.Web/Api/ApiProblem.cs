using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core;

namespace Workflows.Web.Api;

/// <summary>
/// A refused request as the API answers it: <c>{ "message": … }</c> with the status code of the refusal's kind. Which
/// statuses an operation documents is its <see cref="ApiOperation"/>'s to say.
/// </summary>
internal sealed class ApiProblem : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<ApiError>
{
    private readonly JsonHttpResult<ApiError> result;

    /// <param name="refusal">Why the request was refused.</param>
    /// <param name="invalidStatus">The status for an invalid request: 400, or 422 where the spec says so.</param>
    public ApiProblem(Refusal refusal, int invalidStatus = StatusCodes.Status400BadRequest)
    {
        var status = refusal.Kind switch
        {
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.Gone => StatusCodes.Status410Gone,
            _ => invalidStatus,
        };
        result = TypedResults.Json(new ApiError(refusal.Message), statusCode: status);
    }

    public int StatusCode => result.StatusCode ?? StatusCodes.Status400BadRequest;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public ApiError Value => result.Value!;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) => result.ExecuteAsync(httpContext);
}
