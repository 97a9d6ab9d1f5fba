using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Workflows.Core.Idempotency;

namespace Workflows.Web.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the endpoints marked <see cref="IdempotentCreation"/>: the first request with a key runs and, when
/// it succeeds, its status, <c>Location</c>, <c>ETag</c> and body are kept (<see cref="IdempotencyStore"/>, 24 h, per
/// token); the same request again gets that response replayed, another request with the key 422, and a duplicate
/// while the first still runs 409. A request without the header runs as always.
/// </summary>
internal sealed class IdempotencyGate(RequestDelegate next, IdempotencyStore store)
{
    private static readonly string[] Replayed = ["Location", "ETag", "Content-Type"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentCreation>() is null
            || !request.Headers.TryGetValue(IdempotentCreation.Header, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (IdempotencyStore.CheckKey(key) is { } problem)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, problem.Message);
            return;
        }

        var owner = context.User.FindFirstValue(BearerTokenHandler.TokenIdClaim) ?? context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var claim = await store.ClaimAsync(owner, key, await FingerprintAsync(request, context.RequestAborted), context.RequestAborted);
        switch (claim.Kind)
        {
            case IdempotencyClaimKind.Mismatch:
                await WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                    $"This Idempotency-Key was used for a different request (method, path or body) in the last {IdempotencyStore.Retention.TotalHours:0} hours; send a new key with a new request.");
                return;
            case IdempotencyClaimKind.InFlight:
                context.Response.Headers.RetryAfter = "1";
                await WriteAsync(context, StatusCodes.Status409Conflict,
                    "A request with this Idempotency-Key is still being processed; retry in a moment to get its response.");
                return;
            case IdempotencyClaimKind.Replay:
                await ReplayAsync(context, claim.Response!);
                return;
        }

        await RunAsync(context, owner, key);
    }

    private async Task RunAsync(HttpContext context, string owner, string key)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        var stored = false;
        try
        {
            await next(context);
            if (response.StatusCode is >= 200 and < 300)
            {
                var headers = Replayed.Where(h => response.Headers.ContainsKey(h)).ToDictionary(h => h, h => response.Headers[h].ToString());
                // The response is kept even if the client went away meanwhile: its retry should find it.
                await store.CompleteAsync(owner, key, new StoredResponse(response.StatusCode, headers, buffer.ToArray()), CancellationToken.None);
                stored = true;
            }
        }
        finally
        {
            if (!stored)
            {
                await store.ReleaseAsync(owner, key, CancellationToken.None);
            }

            response.Body = original;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.Status;
        foreach (var (name, value) in stored.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers[IdempotentCreation.ReplayedHeader] = "true";
        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>What makes two requests the same: method, path with query, and the body's bytes.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), context.RequestAborted);
    }
}
