namespace Workflows.Core;

/// <summary>What kind of refusal a <see cref="Failure"/> is; the API maps each to one status code.</summary>
public enum FailureKind
{
    /// <summary>The input breaks a rule (400).</summary>
    Invalid,

    /// <summary>The thing asked for does not exist or is not visible to the caller (404).</summary>
    NotFound,

    /// <summary>Someone else changed it first, or it is in a state that forbids the change (409).</summary>
    Conflict,

    /// <summary>The caller's role does not allow it (403).</summary>
    Forbidden,
}

/// <summary>A refusal the user caused, with a message a person understands. Never thrown; returned.</summary>
public sealed record Failure(FailureKind Kind, string Message)
{
    public static Failure Invalid(string message) => new(FailureKind.Invalid, message);

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);

    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message);
}
