using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>How the values of a statement are read: literally, or as a date token such as <c>today</c>.</summary>
public enum StatementValueType
{
    [JsonStringEnumMemberName("static")]
    Static,
    [JsonStringEnumMemberName("relative_date")]
    RelativeDate,
}
