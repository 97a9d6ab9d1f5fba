using System.Text.Json.Serialization;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Templates;

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
