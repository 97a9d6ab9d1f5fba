using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core;

namespace Workflows.Tests.Core;

public sealed class TenantCalendarTests
{
    private static readonly TenantCalendar Berlin = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

    [Fact]
    public void A_day_begins_at_local_midnight_in_winter_and_in_summer()
    {
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 23, 0, 0, TimeSpan.Zero), Berlin.StartOf(new DateOnly(2026, 1, 15)));
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 22, 0, 0, TimeSpan.Zero), Berlin.StartOf(new DateOnly(2026, 7, 15)));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 21, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), Berlin.EndOf(new DateOnly(2026, 7, 15)));
    }

    [Fact]
    public void The_day_of_an_instant_is_the_tenants_day_not_utcs()
    {
        Assert.Equal(new DateOnly(2026, 7, 16), Berlin.DayOf(new DateTimeOffset(2026, 7, 15, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 7, 15), TenantCalendar.Utc.DayOf(new DateTimeOffset(2026, 7, 15, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Weeks_begin_on_monday()
    {
        Assert.Equal(new DateOnly(2026, 11, 30), TenantCalendar.WeekStart(new DateOnly(2026, 12, 2)));
        Assert.Equal(new DateOnly(2026, 11, 30), TenantCalendar.WeekStart(new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2026, 11, 30), TenantCalendar.WeekStart(new DateOnly(2026, 12, 6)));
    }

    [Fact]
    public void A_day_later_across_a_clock_change_keeps_the_wall_clock_time()
    {
        // 28 March 2026, 09:00 CET; the clocks go forward in the night to Sunday.
        var saturday = new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero);

        var sunday = Berlin.Add(saturday, 1, TimeUnit.Days);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), sunday);
        Assert.Equal(9, Berlin.Local(sunday).Hour);
        Assert.Equal(saturday.AddHours(24), Berlin.Add(saturday, 24, TimeUnit.Hours));
    }

    [Fact]
    public void The_day_the_clocks_go_back_has_twenty_five_hours_and_tomorrow_is_still_tomorrow()
    {
        var start = Berlin.StartOf(new DateOnly(2026, 10, 25));
        var next = Berlin.StartOf(new DateOnly(2026, 10, 26));

        Assert.Equal(TimeSpan.FromHours(25), next - start);
        Assert.Equal(new DateOnly(2026, 10, 25), Berlin.DayOf(next.AddTicks(-1)));
    }

    [Fact]
    public void Half_days_round_away_from_zero_for_due_dates_and_schedules_alike()
    {
        var anchor = new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2026, 5, 7)), DueDateCalculator.Add(anchor, 2.5, TimeUnit.Days, Berlin.Zone));
        Assert.Equal(new DateOnly(2026, 5, 7), Berlin.DayOf(Berlin.Add(anchor, 2.5, TimeUnit.Days)));
        Assert.Equal(new DateOnly(2026, 5, 1), Berlin.DayOf(Berlin.Add(anchor, -2.5, TimeUnit.Days)));
    }
}
