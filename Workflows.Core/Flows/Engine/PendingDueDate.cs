using System.Globalization;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>Words for a dynamic due date whose anchor has not happened yet, e.g. "3 days after 'Check documents' is finished".</summary>
public static class PendingDueDate
{
    public static string Describe(DueDateConfig config, FlowExecution execution)
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
            DueDateType.TASK_FINISHED => $"'{NameOfTask(config.TaskId, execution)}' is finished",
            DueDateType.PHASE_FINISHED => $"phase '{execution.Phases.Find(p => p.Id == config.PhaseId)?.Name ?? config.PhaseId}' is finished",
            DueDateType.A_PRECEDING_TASK_COMPLETED => "a preceding task is completed",
            _ => "all preceding tasks are completed",
        };
        return $"{amount} {unit} after {anchor}";
    }

    private static string? NameOfTask(string? id, FlowExecution execution) =>
        id is null ? null : execution.FindTask(id)?.Name ?? id;
}
