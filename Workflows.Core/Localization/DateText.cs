using System.Globalization;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Localization;

/// <summary>
/// How the app writes dates, times and numbers for people: one format for a calendar day, one for an instant, in the
/// culture of the current language (<see cref="Languages.CurrentCulture"/>: <c>02.12.2026, 15:35</c> in German,
/// <c>12/2/2026, 3:35 PM</c> in English) and always on the tenant's wall clock (<see cref="TenantCalendar"/>), never
/// the server's. Date pickers use <see cref="DateFormat"/>, so what a person types reads like what they see.
/// </summary>
public static class DateText
{
    /// <summary>The pattern of a calendar day in the current language (<c>dd.MM.yyyy</c>, <c>M/d/yyyy</c>).</summary>
    public static string DateFormat => Culture.DateTimeFormat.ShortDatePattern;

    public static string Date(DateOnly day) => day.ToString("d", Culture);

    /// <summary>A day without its year, for chart axes (<c>02.12</c>, <c>12/2</c>).</summary>
    public static string DayOfYear(DateOnly day) =>
        day.ToString(DateFormat.Replace("yyyy", "").Replace("yy", "").Trim('.', '/', '-', ' '), Culture);

    public static string Instant(DateTimeOffset at, TimeZoneInfo zone) => Instant(at, new TenantCalendar(zone));

    public static string Instant(DateTimeOffset at, TenantCalendar calendar) => Format(calendar.Local(at), "t");

    /// <summary>A due date as people read it: a calendar day, or an instant on the tenant's clock.</summary>
    public static string Due(FlowDueDate due, TimeZoneInfo zone) =>
        due.Date is { } day ? Date(day) : Instant(due.Instant!.Value, zone);

    /// <summary>An instant with seconds, for run logs where order within a minute matters.</summary>
    public static string Precise(DateTimeOffset at, TimeZoneInfo zone) => Format(new TenantCalendar(zone).Local(at), "T");

    /// <summary>A count or amount with the language's separators (<c>24.100</c>, <c>24,100</c>).</summary>
    public static string Number(decimal value) => value.ToString("#,0.##", Culture);

    public static string Number(long value) => value.ToString("N0", Culture);

    private static CultureInfo Culture => Languages.CurrentCulture;

    private static string Format(DateTimeOffset local, string timeFormat) =>
        local.ToString("d", Culture) + ", " + local.ToString(timeFormat, Culture);
}
