using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>Due dates that wait for an anchor (a task or phase finished, the preceding tasks completed) get their date once it happens.</summary>
internal sealed partial class Settlement
{
    private void UpdateDueDates()
    {
        if (execution.DueDateConfig is { } flowConfig && Compute(flowConfig, -1) is var due && due != execution.DueDate)
        {
            execution.DueDate = due;
            if (!starting)
            {
                edit.Emit(FlowEventType.FlowDueDateChanged, due is null ? new HistoryLine("FlowDueLater") : new HistoryLine("FlowDueOn", HistoryArg.On(due)), detail: due?.ToString());
            }
        }

        foreach (var phase in graph.Phases)
        {
            if (phase.DueDateConfig is { } config && Compute(config, -1) is var phaseDue && phaseDue != phase.DueDate)
            {
                phase.DueDate = phaseDue;
                if (!starting)
                {
                    edit.Emit(FlowEventType.PhaseDueDateChanged, phaseDue is null ? new HistoryLine("PhaseDueLater", phase.Name) : new HistoryLine("PhaseDueOn", phase.Name, HistoryArg.On(phaseDue)), phaseId: phase.Id, detail: phaseDue?.ToString());
                }
            }
        }

        for (var i = 0; i < graph.Tasks.Length; i++)
        {
            var task = graph.Tasks[i];
            if (task.DueDateConfig is { } config && Compute(config, i) is var taskDue && taskDue != task.DueDate)
            {
                task.DueDate = taskDue;
                edit.Touch(task);
                if (!starting)
                {
                    edit.Emit(FlowEventType.TaskDueDateChanged, taskDue is null ? new HistoryLine("TaskDueLater", task.Name) : new HistoryLine("TaskDueOn", task.Name, HistoryArg.On(taskDue)), task.Id, task.PhaseId, taskDue?.ToString());
                }
            }
        }
    }

    /// <summary>The due date of a dynamic configuration, or null while its anchor has not happened.</summary>
    private FlowDueDate? Compute(DueDateConfig config, int owner)
    {
        DateTimeOffset? anchor = config.Type switch
        {
            DueDateType.WORKFLOW_STARTED => execution.Analytics.StartedAt,
            DueDateType.TASK_FINISHED => config.TaskId is { } id && graph.IndexOf(id) is var j && j >= 0 ? ExecutionEdit.FinishedAt(graph.Tasks[j]) : null,
            DueDateType.PHASE_FINISHED => graph.Phase(config.PhaseId) is { Status: PhaseStatus.COMPLETED } phase ? phase.Analytics.CompletedAt : null,
            DueDateType.A_PRECEDING_TASK_COMPLETED => Preceding(owner, all: false),
            _ => Preceding(owner, all: true),
        };
        return anchor is { } at ? DueDateCalculator.Add(at, config.Duration, config.Unit, edit.Context.TimeZone) : null;
    }

    private DateTimeOffset? Preceding(int owner, bool all)
    {
        if (owner < 0 || graph.In[owner].Count == 0)
        {
            return execution.Analytics.StartedAt;
        }

        DateTimeOffset? result = null;
        foreach (var e in graph.In[owner])
        {
            var finished = ExecutionEdit.FinishedAt(graph.Tasks[graph.From[e]]);
            if (finished is null)
            {
                if (all)
                {
                    return null;
                }

                continue;
            }

            result = result is null ? finished : all ? Max(result.Value, finished.Value) : Min(result.Value, finished.Value);
        }

        return result;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
