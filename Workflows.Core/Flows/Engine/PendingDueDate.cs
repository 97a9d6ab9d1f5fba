using System.Globalization;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>Words for a dynamic due date whose anchor has not happened yet, e.g. "3 days after 'Check documents' is finished".</summary>
public static class PendingDueDate
{
    public static string Describe(DueDateConfig config, FlowExecution execution) =>
        Describe(config, id => execution.FindTask(id)?.Name, id => execution.Phases.Find(p => p.Id == id)?.Name);

    /// <summary>The same words for a template's rule, naming the template's own tasks and phases.</summary>
    public static string Describe(DueDateConfig config, FlowTemplate template) =>
        Describe(config, id => template.Tasks.Find(t => t.Id == id)?.Name, id => template.Phases?.Find(p => p.Id == id)?.Name);

    private static string Describe(DueDateConfig config, Func<string, string?> taskName, Func<string, string?> phaseName)
    {
        var amount = config.Duration.ToString("0.##", CultureInfo.InvariantCulture);
        var unit = config.Unit.ToString().ToLowerInvariant();
        if (config.Duration == 1)
        {
            unit = unit.TrimEnd('s');
        }

        var anchor = config.Type switch
        {
            DueDateType.WORKFLOW_STARTED => "the workflow started",
            DueDateType.TASK_FINISHED => $"'{(config.TaskId is { } task ? taskName(task) ?? task : null)}' is finished",
            DueDateType.PHASE_FINISHED => $"phase '{(config.PhaseId is { } phase ? phaseName(phase) ?? phase : null)}' is finished",
            DueDateType.A_PRECEDING_TASK_COMPLETED => "a preceding task is completed",
            _ => "all preceding tasks are completed",
        };
        return $"{amount} {unit} after {anchor}";
    }
}
