namespace Workflows.Core.Flows.Engine;

/// <summary>A refused command, with a message a user can act on.</summary>
public sealed record FlowError(FlowErrorKind Kind, string Message)
{
    public static FlowError NotFound(string message) => new(FlowErrorKind.NotFound, message);

    public static FlowError Invalid(string message) => new(FlowErrorKind.Invalid, message);

    public static FlowError Locked(string message) => new(FlowErrorKind.Locked, message);

    public static FlowError Conflict(string message) => new(FlowErrorKind.Conflict, message);
}
