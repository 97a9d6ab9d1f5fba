namespace Workflows.Web.Components.Account;

/// <summary>
/// Where to go after signing in: the <c>ReturnUrl</c> when it is a path of this app, else home. A path starts with one
/// <c>/</c>; <c>//host</c> and <c>/\host</c> are other hosts to a browser, and control characters or a scheme never
/// belong in a local path.
/// </summary>
public static class LocalReturnUrl
{
    public static string OrHome(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/";

    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
        && Uri.IsWellFormedUriString(url, UriKind.Relative);
}
