using Workflows.Core.Localization;

namespace Workflows.Tests.Web;

public sealed class DateTextTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly DateTimeOffset At = new(2026, 12, 2, 14, 35, 0, TimeSpan.Zero);

    [Fact]
    public void An_instant_is_written_on_the_tenants_wall_clock_not_the_servers()
    {
        Assert.Equal("12/2/2026, 3:35 PM", DateText.Instant(At, Berlin));
        Assert.Equal("7/2/2026, 4:35 PM", DateText.Instant(At.AddMonths(-5), Berlin));
        Assert.Equal("12/2/2026, 3:35:00 PM", DateText.Precise(At, Berlin));
    }

    [Fact]
    public void German_writes_the_day_first_and_a_24_hour_clock()
    {
        Assert.Equal("02.12.2026, 15:35", Languages.In(Languages.German, () => DateText.Instant(At, Berlin)));
        Assert.Equal("02.12.2026, 15:35:00", Languages.In(Languages.German, () => DateText.Precise(At, Berlin)));
        Assert.Equal("09.03.2026", Languages.In(Languages.German, () => DateText.Date(new DateOnly(2026, 3, 9))));
        Assert.Equal("dd.MM.yyyy", Languages.In(Languages.German, () => DateText.DateFormat));
        Assert.Equal("09.03", Languages.In(Languages.German, () => DateText.DayOfYear(new DateOnly(2026, 3, 9))));
    }

    [Fact]
    public void A_calendar_day_is_written_as_its_date_pickers_read_it()
    {
        Assert.Equal("3/9/2026", DateText.Date(new DateOnly(2026, 3, 9)));
        Assert.Equal("M/d/yyyy", DateText.DateFormat);
        Assert.Equal("3/9", DateText.DayOfYear(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Numbers_and_euro_amounts_follow_the_language()
    {
        Assert.Equal("24,100.5", DateText.Number(24100.5m));
        Assert.Equal("24.100,5", Languages.In(Languages.German, () => DateText.Number(24100.5m)));
        Assert.Equal("€24,100", 24100m.ToString("C0", Languages.Culture(Languages.English)));
        Assert.Equal("24.100 €", 24100m.ToString("C0", Languages.Culture(Languages.German)));
    }

    [Theory]
    [InlineData("de", "de")]
    [InlineData("DE-at", "de")]
    [InlineData("en_US", "en")]
    [InlineData(" en ", "en")]
    [InlineData("fr", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Known_languages_are_read_from_any_spelling_of_their_code(string? code, string? expected) =>
        Assert.Equal(expected, Languages.Known(code));

    [Fact]
    public void In_restores_the_threads_culture_after_the_work()
    {
        Languages.In(Languages.German, () => Languages.Current);

        Assert.Equal(Languages.English, Languages.Current);
        Assert.Equal(Languages.German, Languages.In(Languages.German, () => Languages.Current));
    }
}
