using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Adds a due-date duration to its anchor. Days, weeks and months are calendar dates (the same day for everyone, no
/// time of day); minutes and hours are instants.
/// </summary>
public static class DueDateCalculator
{
    /// <summary>About a hundred years: longer durations are typing mistakes and would run past the calendar's end.</summary>
    public const double MaxDays = 36_500;

    /// <summary>Whether <paramref name="duration"/> is zero or more and at most <see cref="MaxDays"/> in its unit.</summary>
    public static bool IsInRange(double duration, TimeUnit unit)
    {
        var days = unit switch
        {
            TimeUnit.Minutes => duration / 1440,
            TimeUnit.Hours => duration / 24,
            TimeUnit.Days => duration,
            TimeUnit.Weeks => duration * 7,
            _ => duration * 31,
        };
        return Enum.IsDefined(unit) && double.IsFinite(duration) && duration >= 0 && days <= MaxDays;
    }

    /// <summary>
    /// Minutes and hours give an instant. Days, weeks and months give a calendar date counted from
    /// the anchor's day in <paramref name="zone"/>, so everyone sees the same day whatever their zone.
    /// </summary>
    public static FlowDueDate Add(DateTimeOffset anchor, double duration, TimeUnit unit, TimeZoneInfo zone) => unit switch
    {
        TimeUnit.Minutes or TimeUnit.Hours => FlowDueDate.At(TenantCalendar.Utc.Add(anchor, duration, unit)),
        _ => FlowDueDate.OnDate(TenantCalendar.Add(new TenantCalendar(zone).DayOf(anchor), duration, unit)),
    };
}
