namespace Workflows.Core;

/// <summary>What kind of refusal: the API maps these to 400, 404, 409, 403 and 410.</summary>
public enum RefusalKind
{
    /// <summary>The input breaks a rule (400).</summary>
    Invalid,

    /// <summary>The thing asked for does not exist or is not visible to the caller (404).</summary>
    NotFound,

    /// <summary>Someone else changed it first, or its state forbids the change (409).</summary>
    Conflict,

    /// <summary>The caller's role does not allow it (403).</summary>
    Forbidden,

    /// <summary>It existed but is no longer available, such as an expired link (410).</summary>
    Gone,
}
