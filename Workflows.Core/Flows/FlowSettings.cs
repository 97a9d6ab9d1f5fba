namespace Workflows.Core.Flows;

/// <summary>Tenant-wide settings of the engine.</summary>
public sealed class FlowSettings
{
    /// <summary>The zone whose calendar decides which day "today" is for date-only due dates.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}
