using System.Globalization;
using Workflows.Core.Localization;

namespace Workflows.Core.Journeys;

/// <summary>What a person who opens a shared link is told when it cannot be used, with times in the installation's zone.</summary>
internal static class JourneyLinkMessages
{
    public static string NotValid => RefusalText.Of("JourneyLinkNotValid");

    public static string NoLongerUsable => RefusalText.Of("JourneyLinkNoLongerUsable");

    public static string Used(JourneyLink link, TimeZoneInfo zone) =>
        RefusalText.Of("JourneyLinkUsed", Local(link.UsedAt!.Value, zone));

    public static string Expired(DateTimeOffset expires, TimeZoneInfo zone) =>
        RefusalText.Of("JourneyLinkExpired", Local(expires, zone));

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
