using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Patches;

/// <summary>A task added by hand to a running workflow (<c>POST …/tasks</c>), between two of its tasks, as the request asked it.</summary>
public sealed record NewTaskPatch : ItemPatch
{
    public required string Id { get; init; }

    /// <summary>Its name; null only when the request lacks one, which <see cref="ItemPatch.Mistakes"/> then says.</summary>
    public required string? Name { get; init; }

    public string? PreviousTaskId { get; init; }

    public string? NextTaskId { get; init; }

    public string? PhaseId { get; init; }

    public PatchField<StepStatus> Status { get; init; }

    public PatchField<TaskType> Type { get; init; }

    /// <summary>Whether the request gives the task an automation (a task added by hand runs none).</summary>
    public bool NamesAutomation { get; init; }
}
