namespace Workflows.Core.Progress;

/// <summary>Where the customer's progress page lives, for the links the sidebar, the API and e-mails hand out.</summary>
public static class ProgressPaths
{
    public const string Prefix = "progress";

    /// <summary>The page of <paramref name="token"/>, relative to the app's base address.</summary>
    public static string Page(string token) => $"{Prefix}/{Uri.EscapeDataString(token)}";
}
