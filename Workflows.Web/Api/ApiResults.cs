using Workflows.Core;

namespace Workflows.Web.Api;

/// <summary>Maps a <see cref="Failure"/> to its status code and a <c>{ "message": … }</c> body, in one place.</summary>
internal static class ApiResults
{
    public static IResult Problem(Refusal failure, int invalidStatus = StatusCodes.Status400BadRequest) =>
        TypedResults.Json(new ApiError(failure.Message), statusCode: failure.Kind switch
        {
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => invalidStatus,
        });

    public static IResult BadRequest(string message) =>
        TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) =>
        TypedResults.Json(new ApiError(message), statusCode: StatusCodes.Status404NotFound);
}
