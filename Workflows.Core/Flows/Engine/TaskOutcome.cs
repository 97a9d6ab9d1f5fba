using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// How a finished task ended: done or skipped, when, by whom (<see cref="ById"/> is null when nobody in particular did it:
/// an automatic decision, a task on a branch not taken, an automation or the schedule), and for a decision which branches it took.
/// </summary>
public sealed record TaskOutcome(StepStatus Status, DateTimeOffset? At, string? ById, IReadOnlyList<string> Branches, bool TookDefault)
{
    /// <summary>The outcome of <paramref name="taskId"/>, or null while it is not finished (or does not exist).</summary>
    public static TaskOutcome? Of(FlowExecution execution, string taskId)
    {
        var graph = new FlowGraph(execution);
        var i = graph.IndexOf(taskId);
        if (i < 0 || !graph.Tasks[i].IsFinished)
        {
            return null;
        }

        var task = graph.Tasks[i];
        var completed = task.Status == StepStatus.COMPLETED;
        var at = completed ? task.Analytics.CompletedAt ?? task.Analytics.StatusUpdatedAt : task.Analytics.StatusUpdatedAt;
        var by = (completed ? task.Analytics.CompletedBy : task.Analytics.SkippedBy) is { } id && !Identity.Actor.IsAutomatic(id) ? id : null;
        if (task.TaskType != TaskType.DECISION || task.SkippedAutomatically == true)
        {
            return new TaskOutcome(task.Status, at ?? task.UpdatedAt, by, [], false);
        }

        var branches = completed
            ? task.Conditions?.Where(c => FlowGraph.IsTaken(task, c.Id)).Select(c => c.BranchName ?? c.Id).ToList() ?? []
            : [];
        var tookDefault = graph.AllOut[i].Exists(e => graph.Edges[e].NoneMet == true && graph.IsLive(e));
        return new TaskOutcome(task.Status, at ?? task.UpdatedAt, by, branches, tookDefault);
    }
}
