namespace Workflows.Core.Flows;

/// <summary>Tenant-wide settings of the engine.</summary>
public sealed class FlowSettings
{
    /// <summary>The zone whose calendar decides which day "today" is for date-only due dates.</summary>
    public TimeZoneInfo TimeZone
    {
        get => Calendar.Zone;
        init => Calendar = new TenantCalendar(value);
    }

    /// <summary>The calendar of <see cref="TimeZone"/>: which day is today, where days and weeks begin.</summary>
    public TenantCalendar Calendar { get; private init; } = TenantCalendar.Utc;

    /// <summary>The absolute address customers reach the app at (ending in a slash), for links sent by e-mail; null when not configured.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// The language of people who chose none, where no browser says which they read: notifications and e-mails, and
    /// pages for a browser whose <c>Accept-Language</c> names none of ours.
    /// </summary>
    public string Language { get; init; } = Localization.Languages.English;

    /// <summary>The language a person reads who saved <paramref name="chosen"/> (null: none): their choice, else <see cref="Language"/>.</summary>
    public string LanguageOf(string? chosen) => Localization.Languages.Known(chosen) ?? Language;
}
