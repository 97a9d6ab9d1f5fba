using System.Globalization;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// A due date: either a calendar date (no time of day, the same day for everyone; from days, weeks
/// or months) or an instant (from minutes or hours, or a fixed date and time). JSON is one string,
/// <c>2024-05-03</c> or <c>2024-05-03T14:00:00.000Z</c>.
/// </summary>
[JsonConverter(typeof(FlowDueDateJsonConverter))]
public sealed record FlowDueDate
{
    private FlowDueDate(DateOnly? date, DateTimeOffset? instant)
    {
        Date = date;
        Instant = instant;
    }

    public DateOnly? Date { get; }

    public DateTimeOffset? Instant { get; }

    public static FlowDueDate OnDate(DateOnly date) => new(date, null);

    public static FlowDueDate At(DateTimeOffset instant) => new(null, instant.ToUniversalTime());

    public static FlowDueDate Parse(string text)
    {
        if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return OnDate(date);
        }

        return At(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }

    /// <summary>A calendar date is overdue from the day after it, in the given zone; an instant once it has passed.</summary>
    public bool IsPast(DateTimeOffset now, TimeZoneInfo zone) =>
        Date is { } date
            ? date < new TenantCalendar(zone).DayOf(now)
            : Instant < now;

    /// <summary>The last instant the due date covers, for sorting and range queries.</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => Instant ?? new TenantCalendar(zone).EndOf(Date!.Value);

    public override string ToString() =>
        Date is { } date
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Instant!.Value.UtcDateTime.ToString(UtcInstantJsonConverter.Format, CultureInfo.InvariantCulture);
}
