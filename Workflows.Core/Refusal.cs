namespace Workflows.Core;

/// <summary>Why an operation was refused: a message for the person who asked, and its kind for the API's status code.</summary>
public sealed record Refusal(string Message, RefusalKind Kind)
{
    public static Refusal Invalid(string message) => new(message, RefusalKind.Invalid);

    public static Refusal NotFound(string message) => new(message, RefusalKind.NotFound);

    public static Refusal Conflict(string message) => new(message, RefusalKind.Conflict);

    public static Refusal Forbidden(string message) => new(message, RefusalKind.Forbidden);

    public static Refusal Gone(string message) => new(message, RefusalKind.Gone);
}
