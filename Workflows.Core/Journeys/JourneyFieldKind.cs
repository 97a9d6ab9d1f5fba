using System.Text.Json.Serialization;

namespace Workflows.Core.Journeys;

/// <summary>How a journey asks for one attribute.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JourneyFieldKind>))]
public enum JourneyFieldKind
{
    [JsonStringEnumMemberName("text")]
    Text,
    [JsonStringEnumMemberName("multiline")]
    Multiline,
    [JsonStringEnumMemberName("number")]
    Number,
    [JsonStringEnumMemberName("date")]
    Date,
    [JsonStringEnumMemberName("select")]
    Select,
    [JsonStringEnumMemberName("multiselect")]
    MultiSelect,
    [JsonStringEnumMemberName("checkbox")]
    Checkbox,
    [JsonStringEnumMemberName("email")]
    Email,
    [JsonStringEnumMemberName("phone")]
    Phone,
}
