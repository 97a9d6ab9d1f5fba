namespace Workflows.Core.Progress;

/// <summary>A signed link to one workflow's progress page: the token for <c>/progress/{token}</c> and when it stops working.</summary>
public sealed record ProgressLink(string Token, DateTimeOffset ExpiresAt)
{
    /// <summary>The page's path relative to the app's base address.</summary>
    public string RelativeUrl => ProgressPaths.Page(Token);
}
