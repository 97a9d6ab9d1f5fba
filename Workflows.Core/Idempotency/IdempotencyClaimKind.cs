namespace Workflows.Core.Idempotency;

public enum IdempotencyClaimKind
{
    /// <summary>The key is new (or expired): run the request, then store its response.</summary>
    Run,

    /// <summary>The same request succeeded before: answer with its stored response.</summary>
    Replay,

    /// <summary>The key was used with another request.</summary>
    Mismatch,

    /// <summary>The first request with this key is still running.</summary>
    InFlight,
}
