namespace Workflows.Web.Api;

/// <summary>
/// Marks an endpoint that creates something as honouring <c>Idempotency-Key</c>; <see cref="IdempotencyGate"/> does
/// the work for every endpoint so marked: <c>MapPost(…).Idempotent()</c>.
/// </summary>
internal sealed class IdempotentCreation
{
    public const string Header = "Idempotency-Key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public static readonly IdempotentCreation Marker = new();

    private IdempotentCreation()
    {
    }
}

internal static class IdempotentCreationExtensions
{
    /// <summary>Honours <c>Idempotency-Key</c> here; <see cref="ApiOperation.Statuses"/> documents the two answers it adds, 422 (key reused) and 409 (in flight).</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(IdempotentCreation.Marker);
}
