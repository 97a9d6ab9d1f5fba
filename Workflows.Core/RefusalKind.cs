namespace Workflows.Core;

/// <summary>What kind of refusal: the API maps these to 400, 404 and 409.</summary>
public enum RefusalKind
{
    Invalid,
    NotFound,
    Conflict,
}
