using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>Whether an automation or decision task runs by itself when reached or waits for a user.</summary>
public enum TriggerMode
{
    [JsonStringEnumMemberName("manual")]
    Manual,
    [JsonStringEnumMemberName("automatic")]
    Automatic,
}
