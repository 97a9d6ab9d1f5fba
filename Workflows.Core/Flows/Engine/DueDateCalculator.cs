namespace Workflows.Core.Flows.Engine;

/// <summary>Adds a due-date duration to its anchor (DESIGN rule 8).</summary>
public static class DueDateCalculator
{
    /// <summary>
    /// Minutes and hours give an instant. Days, weeks and months give a calendar date counted from
    /// the anchor's day in <paramref name="zone"/>, so everyone sees the same day whatever their zone.
    /// </summary>
    public static FlowDueDate Add(DateTimeOffset anchor, double duration, TimeUnit unit, TimeZoneInfo zone)
    {
        var whole = (int)Math.Round(duration, MidpointRounding.AwayFromZero);
        return unit switch
        {
            TimeUnit.Minutes => FlowDueDate.At(anchor.AddMinutes(duration)),
            TimeUnit.Hours => FlowDueDate.At(anchor.AddHours(duration)),
            TimeUnit.Days => FlowDueDate.OnDate(DayOf(anchor, zone).AddDays(whole)),
            TimeUnit.Weeks => FlowDueDate.OnDate(DayOf(anchor, zone).AddDays(7 * whole)),
            _ => FlowDueDate.OnDate(DayOf(anchor, zone).AddMonths(whole)),
        };
    }

    public static DateOnly DayOf(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
