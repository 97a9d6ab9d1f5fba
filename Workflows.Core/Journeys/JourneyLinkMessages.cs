using System.Globalization;

namespace Workflows.Core.Journeys;

/// <summary>What a person who opens a shared link is told when it cannot be used, with times in the installation's zone.</summary>
internal static class JourneyLinkMessages
{
    public const string NotValid = "This link is not valid. Check that you opened all of it, or ask the sender for a new one.";

    public const string NoLongerUsable = "This link can no longer be used. Please ask the sender for a new one.";

    public static string Used(JourneyLink link, TimeZoneInfo zone) =>
        $"This link was already used on {Local(link.UsedAt!.Value, zone)}. The answers were received; there is nothing more to do.";

    public static string Expired(DateTimeOffset expires, TimeZoneInfo zone) =>
        $"This link expired on {Local(expires, zone)}. Please ask the sender for a new one.";

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
