using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>What may start a flow template.</summary>
public enum TemplateTriggerType
{
    [JsonStringEnumMemberName("manual")]
    Manual,
    [JsonStringEnumMemberName("automation")]
    Automation,
    [JsonStringEnumMemberName("journey_submission")]
    JourneySubmission,
    [JsonStringEnumMemberName("journey_automation")]
    JourneyAutomation,
}
