using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Progress;

/// <summary>
/// What the end customer sees of a workflow: its customer title, the phases and tasks its template marks visible (under
/// their customer labels, in the sidebar's order) and what happens next. Holds nothing else of the execution: no ids,
/// internal names of labelled items, notes, assignees, due dates or record data.
/// </summary>
public sealed record CustomerProgress(
    string Title, string? Description, WorkflowStatus Status, IReadOnlyList<CustomerPhase> Phases, string? Next, DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The customer's view of <paramref name="execution"/>. A task the engine or a colleague skipped will not happen, so
    /// the customer does not see it. "Next" is the first visible task that is not done, or a visible phase that is not
    /// done but has no visible task left; nothing once the workflow is finished or closed.
    /// </summary>
    public static CustomerProgress Of(FlowExecution execution)
    {
        var phases = new List<CustomerPhase>();
        foreach (var section in TaskOutline.Of(execution))
        {
            var steps = section.Tasks
                .Where(t => t.Ecp?.IsVisible == true && t.Status != StepStatus.SKIPPED)
                .Select(t => new CustomerStep(t.Ecp!.CustomerName(t.Name), Blank(t.Ecp.Description), StateOf(t.Status)))
                .ToList();
            if (section.Phase is { Ecp.IsVisible: true } phase)
            {
                phases.Add(new CustomerPhase(phase.Ecp!.CustomerName(phase.Name), Blank(phase.Ecp.Description), StateOf(phase.Status), steps));
            }
            else if (steps.Count > 0)
            {
                phases.Add(new CustomerPhase(null, null, StateOf(steps), steps));
            }
        }

        var title = execution.Ecp?.CustomerName(execution.Name) ?? execution.Name;
        var next = execution.Status == WorkflowStatus.STARTED ? NextOf(phases) : null;
        return new CustomerProgress(title, Blank(execution.Ecp?.Description), execution.Status, phases, next, execution.UpdatedAt);
    }

    /// <summary>How many phases and tasks of <paramref name="execution"/> its customer may see.</summary>
    public static int VisibleItems(FlowExecution execution) =>
        execution.Phases.Count(p => p.Ecp?.IsVisible == true) + execution.Tasks.Count(t => t.Ecp?.IsVisible == true);

    private static string? NextOf(IEnumerable<CustomerPhase> phases)
    {
        foreach (var phase in phases)
        {
            if (phase.Steps.FirstOrDefault(s => s.State != CustomerStepState.Done) is { } step)
            {
                return step.Name;
            }

            if (phase.Name is not null && phase.State != CustomerStepState.Done)
            {
                return phase.Name;
            }
        }

        return null;
    }

    private static CustomerStepState StateOf(StepStatus status) => status switch
    {
        StepStatus.COMPLETED => CustomerStepState.Done,
        StepStatus.IN_PROGRESS or StepStatus.ON_HOLD or StepStatus.FAILED or StepStatus.WAITING_FOR_CONFIRMATION => CustomerStepState.InProgress,
        _ => CustomerStepState.Upcoming,
    };

    private static CustomerStepState StateOf(PhaseStatus status) => status switch
    {
        PhaseStatus.COMPLETED => CustomerStepState.Done,
        PhaseStatus.IN_PROGRESS => CustomerStepState.InProgress,
        _ => CustomerStepState.Upcoming,
    };

    private static CustomerStepState StateOf(IReadOnlyList<CustomerStep> steps) =>
        steps.All(s => s.State == CustomerStepState.Done) ? CustomerStepState.Done
        : steps.All(s => s.State == CustomerStepState.Upcoming) ? CustomerStepState.Upcoming
        : CustomerStepState.InProgress;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
