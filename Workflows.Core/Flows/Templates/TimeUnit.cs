using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>Unit of a duration. Days, weeks and months give calendar dates; minutes and hours give instants.</summary>
public enum TimeUnit
{
    [JsonStringEnumMemberName("minutes")]
    Minutes,
    [JsonStringEnumMemberName("hours")]
    Hours,
    [JsonStringEnumMemberName("days")]
    Days,
    [JsonStringEnumMemberName("weeks")]
    Weeks,
    [JsonStringEnumMemberName("months")]
    Months,
}
