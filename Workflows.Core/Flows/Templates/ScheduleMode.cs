using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>When an automation task runs once it is reached.</summary>
public enum ScheduleMode
{
    [JsonStringEnumMemberName("immediate")]
    Immediate,
    [JsonStringEnumMemberName("delayed")]
    Delayed,
    [JsonStringEnumMemberName("relative")]
    Relative,
}
