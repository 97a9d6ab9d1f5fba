using Workflows.Web.Components.Shared;

namespace Workflows.Tests.Web;

public sealed class DateTextTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void An_instant_is_written_on_the_tenants_wall_clock_not_the_servers()
    {
        var at = new DateTimeOffset(2026, 12, 2, 14, 35, 0, TimeSpan.Zero);

        Assert.Equal("02.12.2026, 15:35", DateText.Instant(at, Berlin));
        Assert.Equal("02.07.2026, 16:35", DateText.Instant(at.AddMonths(-5), Berlin));
        Assert.Equal("02.12.2026, 15:35:00", DateText.Precise(at, Berlin));
    }

    [Fact]
    public void A_calendar_day_is_written_day_first_as_its_date_pickers_read_it()
    {
        Assert.Equal("09.03.2026", DateText.Date(new DateOnly(2026, 3, 9)));
        Assert.Equal("dd.MM.yyyy", DateText.DateFormat);
    }
}
