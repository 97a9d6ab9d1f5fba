using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Patches;

/// <summary>What a change of the workflow, a phase or a task may carry besides its own fields: assignees, a due date, and the request's mistakes.</summary>
public abstract record ItemPatch
{
    /// <summary>Who it is assigned to from now on; an empty list (or null) unassigns.</summary>
    public PatchField<IReadOnlyList<Assignee>> AssignedTo { get; init; }

    /// <summary>The due-date change, or null when the request sets none.</summary>
    public DueDatePatch? DueDate { get; init; }

    /// <summary>
    /// What the request body got wrong (unknown fields, values of the wrong kind), one sentence each in the order of its
    /// fields. They are refused together with the rules the patch breaks, so one answer names every mistake.
    /// </summary>
    public IReadOnlyList<string> Mistakes { get; init; } = [];

    /// <summary>The assignment and due-date commands for <paramref name="target"/>: assignees first, as a person would set them.</summary>
    internal IEnumerable<FlowCommand> PlanningOf(FlowItemRef target)
    {
        if (AssignedTo.Present)
        {
            yield return new Assign(target, AssignedTo.Value ?? []);
        }

        if (DueDate is not null)
        {
            yield return DueDate.For(target);
        }
    }
}
