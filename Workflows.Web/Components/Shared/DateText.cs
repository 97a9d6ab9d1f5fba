using System.Globalization;
using Workflows.Core;

namespace Workflows.Web.Components.Shared;

/// <summary>
/// How the app writes dates and times for people: one format for a calendar day, one for an instant, always on the
/// tenant's wall clock (<see cref="TenantCalendar"/>), never the server's. Date pickers use <see cref="DateFormat"/>.
/// </summary>
public static class DateText
{
    public const string DateFormat = "dd.MM.yyyy";

    private const string InstantFormat = "dd.MM.yyyy, HH:mm";

    public static string Date(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at, TimeZoneInfo zone) =>
        new TenantCalendar(zone).Local(at).ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at, TenantCalendar calendar) =>
        calendar.Local(at).ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>An instant with seconds, for run logs where order within a minute matters.</summary>
    public static string Precise(DateTimeOffset at, TimeZoneInfo zone) =>
        new TenantCalendar(zone).Local(at).ToString(InstantFormat + ":ss", CultureInfo.InvariantCulture);
}
