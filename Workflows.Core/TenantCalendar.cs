using Workflows.Core.Flows.Templates;


namespace Workflows.Core;

/// <summary>
/// The tenant's calendar, in the zone of <c>Workflows:TimeZone</c>: which day an instant falls on, where a day begins
/// and ends, where a week begins (Monday), and how a duration is added. Every "today", "this week", "start of that
/// day" and "3 days later" in the product asks it, so they agree at midnight and across daylight-saving changes.
/// </summary>
public sealed class TenantCalendar(TimeZoneInfo zone)
{
    public static TenantCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The instant as the tenant's wall clock shows it.</summary>
    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>The Monday of the week <paramref name="day"/> lies in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The first instant of <paramref name="day"/> (on a day whose midnight a clock change skips, the first that exists).</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>The instant the tenant's clocks show <paramref name="time"/> on <paramref name="day"/> (a skipped time moves on to the first that exists).</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time) => ToInstant(day.ToDateTime(time, DateTimeKind.Unspecified));

    /// <summary>The last instant of <paramref name="day"/>.</summary>
    public DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1)).AddTicks(-1);

    /// <summary>
    /// Minutes and hours move the instant itself; days, weeks and months move along the calendar and keep the wall-clock
    /// time, so "1 day later" across a clock change is still the same time of day. Fractions of a day, week or month
    /// round half away from zero.
    /// </summary>
    public DateTimeOffset Add(DateTimeOffset from, double amount, TimeUnit unit) => unit switch
    {
        TimeUnit.Minutes => from.AddMinutes(amount),
        TimeUnit.Hours => from.AddHours(amount),
        _ => ToInstant(AddToDay(Local(from).DateTime, amount, unit)),
    };

    /// <summary>The calendar day <paramref name="amount"/> days, weeks or months after <paramref name="day"/>.</summary>
    public static DateOnly Add(DateOnly day, double amount, TimeUnit unit) =>
        DateOnly.FromDateTime(AddToDay(day.ToDateTime(TimeOnly.MinValue), amount, unit));

    private static DateTime AddToDay(DateTime local, double amount, TimeUnit unit)
    {
        var whole = (int)Math.Round(amount, MidpointRounding.AwayFromZero);
        return unit switch
        {
            TimeUnit.Weeks => local.AddDays(7 * whole),
            TimeUnit.Months => local.AddMonths(whole),
            _ => local.AddDays(whole),
        };
    }

    private DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        // A wall-clock time that occurs twice (clocks going back) means its first occurrence.
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
