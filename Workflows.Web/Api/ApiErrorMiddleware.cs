using System.Text.Json;

namespace Workflows.Web.Api;

/// <summary>
/// Keeps the API's promise that every error is <c>{ "message": … }</c>: malformed bodies become a 400 that says what
/// is wrong, and an unexpected fault a 500 without internals.
/// </summary>
internal sealed class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!ApiSetup.IsApiPath(context.Request.Path))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException exception) when (!context.Response.HasStarted)
        {
            var message = exception.InnerException is JsonException json
                ? $"The request body is not valid JSON: {json.Message}"
                : exception.Message;
            await WriteAsync(context, exception.StatusCode, message);
        }
        catch (JsonException exception) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {exception.Message}");
        }
        catch (Exception exception) when (!context.Response.HasStarted && exception is not OperationCanceledException)
        {
            logger.LogError(exception, "API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError,
                "Something went wrong on our side; nothing was changed by the failed part. Please try again.");
        }
    }

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message));
    }
}
