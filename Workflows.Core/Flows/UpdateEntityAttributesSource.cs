using System.Text.Json.Serialization;

namespace Workflows.Core.Flows;

/// <summary>Which workflow value an <see cref="UpdateEntityAttributes"/> rule writes.</summary>
public enum UpdateEntityAttributesSource
{
    [JsonStringEnumMemberName("workflow_status")]
    WorkflowStatus,
    [JsonStringEnumMemberName("current_section")]
    CurrentSection,
    [JsonStringEnumMemberName("current_step")]
    CurrentStep,
}
