using Workflows.Core;

namespace Workflows.Web.Api;

/// <summary>Maps a <see cref="Failure"/> to its status code and a <c>{ "message": … }</c> body, in one place.</summary>
internal static class ApiResults
{
    public static IResult Problem(Failure failure, int invalidStatus = StatusCodes.Status400BadRequest) =>
        TypedResults.Json(new ApiError(failure.Message), statusCode: failure.Kind switch
        {
            FailureKind.NotFound => StatusCodes.Status404NotFound,
            FailureKind.Conflict => StatusCodes.Status409Conflict,
            FailureKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => invalidStatus,
        });

    public static IResult BadRequest(string message) =>
        TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) =>
        TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status404NotFound);
}
