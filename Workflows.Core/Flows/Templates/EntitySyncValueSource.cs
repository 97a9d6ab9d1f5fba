using System.Text.Json.Serialization;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Templates;

/// <summary>Which value an <see cref="EntitySync"/> rule writes.</summary>
public enum EntitySyncValueSource
{
    [JsonStringEnumMemberName("workflow_name")]
    WorkflowName,
    [JsonStringEnumMemberName("workflow_status")]
    WorkflowStatus,
    [JsonStringEnumMemberName("workflow_assigned_to")]
    WorkflowAssignedTo,
    [JsonStringEnumMemberName("task_name")]
    TaskName,
    [JsonStringEnumMemberName("task_status")]
    TaskStatus,
    [JsonStringEnumMemberName("task_assigned_to")]
    TaskAssignedTo,
    [JsonStringEnumMemberName("phase_name")]
    PhaseName,
    [JsonStringEnumMemberName("phase_status")]
    PhaseStatus,
    [JsonStringEnumMemberName("phase_assigned_to")]
    PhaseAssignedTo,
    [JsonStringEnumMemberName("custom_value")]
    CustomValue,
}
