using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Patches;

/// <summary>A change of one task of a running workflow (the spec's <c>PATCH …/tasks/{task_id}</c>), as the request asked it.</summary>
public sealed record TaskPatch : ItemPatch
{
    public PatchField<StepStatus> Status { get; init; }

    /// <summary>The branch chosen for a decision; choosing one completes it.</summary>
    public string? NextConditionId { get; init; }

    /// <summary>With a finished task set back to PENDING: reset every task after it too.</summary>
    public bool RevertExecution { get; init; }

    /// <summary>Whether the request names assignees or a due date at all, readable or not (a partner may change neither).</summary>
    public bool NamesPlanning { get; init; }

    // The spec lets a PATCH carry the task's other fields; they are accepted only unchanged.
    public PatchField<string> Name { get; init; }

    public PatchField<TaskDescription> Description { get; init; }

    public PatchField<bool> Enabled { get; init; }

    /// <summary>Whether the request names the task's automation, ECP or installer settings (fixed once the workflow runs).</summary>
    public bool NamesFixedSettings { get; init; }

    /// <summary>A priority of 0 to 100, or null back to the default.</summary>
    public PatchField<int?> Priority { get; init; }

    /// <summary>The day the task is followed up on, or null to clear it.</summary>
    public PatchField<DateOnly?> FollowUpDate { get; init; }
}
