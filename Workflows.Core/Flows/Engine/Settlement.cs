using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Settles the state an execution derives from its tasks after a command (reached tasks, dead paths, decisions,
/// loops, enabled, phases, due dates, current tasks, workflow status), in passes over the tasks in topological
/// order until nothing moves.
/// </summary>
internal sealed partial class Settlement
{
    private readonly ExecutionEdit edit;
    private readonly FlowExecution execution;
    private readonly FlowGraph graph;

    // While a workflow starts, phases and due dates get their first values without an event each.
    private readonly bool starting;

    // Current tasks stay current until finished, reset or skipped, even when a task before them is open again.
    private readonly HashSet<string> stickyCurrentTaskIds;

    public Settlement(ExecutionEdit edit, FlowGraph graph, bool starting)
    {
        this.edit = edit;
        this.graph = graph;
        this.starting = starting;
        execution = edit.Execution;
        stickyCurrentTaskIds = new HashSet<string>(execution.CrtTasks.Select(t => t.Id), StringComparer.Ordinal);
        stickyCurrentTaskIds.ExceptWith(edit.ReleasedCurrentTaskIds);
        stickyCurrentTaskIds.UnionWith(edit.HeldCurrentTaskIds);
    }

    public void Run()
    {
        // Each pass moves at least one task forward or fires a loop, both bounded; the cap only
        // guards against templates that failed validation (a loop without a limit).
        var maxPasses = (4 * graph.Tasks.Length) + 20;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            UpdatePhases();
            UpdateEnabled();
            var moved = false;
            foreach (var i in graph.Topo)
            {
                moved |= Advance(i);
            }

            moved |= FireLoops();
            if (!moved)
            {
                break;
            }
        }

        UpdatePhases();
        UpdateEnabled();
        UpdateCurrentTasks();
        UpdateDueDates();
        UpdateWorkflowStatus();
    }

    /// <summary>Skips a dead task or runs what a reached task does by itself; true when a task finished or failed.</summary>
    private bool Advance(int i)
    {
        var task = graph.Tasks[i];
        if (task.IsFinished)
        {
            return false;
        }

        var reach = graph.ReachOf(i, stickyCurrentTaskIds);
        if (reach == FlowGraph.Reach.Dead)
        {
            edit.Transition(task, StepStatus.SKIPPED);
            task.Analytics.SkippedBy = null;
            task.SkippedAutomatically = true;
            task.StatusReason = "Its branch was not taken.";
            stickyCurrentTaskIds.Remove(task.Id);
            edit.Emit(FlowEventType.TaskSkipped, new HistoryLine("TaskSkippedBranchNotTaken", task.Name), task.Id, task.PhaseId, "automatic");
            return true;
        }

        if (reach == FlowGraph.Reach.Waiting)
        {
            return false;
        }

        switch (task.TaskType)
        {
            case TaskType.DECISION when task.IsAutomatic && task.Enabled
                && task.Status is StepStatus.PENDING or StepStatus.CONDITION_PENDING:
                Evaluate(i);
                return true;
            case TaskType.DECISION when task.Status == StepStatus.PENDING:
                task.Status = StepStatus.CONDITION_PENDING;
                edit.Touch(task);
                return false;
            case TaskType.AUTOMATION when task.IsAutomatic && task.Enabled && task.Status == StepStatus.PENDING:
                edit.Transition(task, StepStatus.SCHEDULED);
                edit.Emit(FlowEventType.AutomationTaskScheduled, new HistoryLine("AutomationScheduled", task.Name), task.Id, task.PhaseId,
                    task.Schedule?.Mode?.ToString() ?? "Immediate");
                return false;
            default:
                return false;
        }
    }

    private void Evaluate(int i)
    {
        var decision = graph.Tasks[i];
        var conditions = decision.Conditions ?? [];
        var met = conditions.ConvertAll(c => ConditionEvaluator.IsMet(c, edit.Context.Facts, edit.Now, edit.Context.TimeZone));
        string? note = null;
        if (decision.LoopConfig is { LoopBranchId: { } loopId } loop)
        {
            var li = conditions.FindIndex(c => c.Id == loopId);
            if (li >= 0 && met[li])
            {
                var done = loop.CrtIterations ?? 0;
                if (done < loop.MaxIterations)
                {
                    decision.LoopConfig = loop with { CrtIterations = done + 1 };
                }
                else
                {
                    met[li] = false;
                    var exit = conditions.FindIndex(c => c.Id == loop.ExitBranchId);
                    if (exit >= 0)
                    {
                        met[exit] = true;
                    }

                    note = $"The loop ran {loop.MaxIterations} times, its limit, so the exit branch was taken.";
                }
            }
        }

        decision.Conditions = [.. conditions.Select((c, k) => c with { IsMet = met[k], EvaluatedAt = edit.Now })];
        var taken = decision.Conditions.Where(c => FlowGraph.IsTaken(decision, c.Id)).Select(c => c.BranchName ?? c.Id).ToList();
        var hasDefault = graph.AllOut[i].Exists(e => graph.Edges[e].NoneMet == true);
        if (taken.Count > 0 || hasDefault)
        {
            edit.Emit(FlowEventType.DecisionEvaluated, taken.Count > 0
                ? new HistoryLine("DecisionTook", decision.Name, HistoryArg.Names(taken))
                : new HistoryLine("DecisionTookDefault", decision.Name), decision.Id, decision.PhaseId, string.Join(",", taken));
            edit.Transition(decision, StepStatus.COMPLETED);
            decision.Analytics.CompletedBy = null;
            decision.StatusReason = note;
            edit.Emit(FlowEventType.TaskCompleted, new HistoryLine("DecidedAutomatically", decision.Name), decision.Id, decision.PhaseId);
        }
        else
        {
            edit.Emit(FlowEventType.DecisionEvaluated, new HistoryLine("DecisionMetNoBranch", decision.Name), decision.Id, decision.PhaseId);
            edit.Transition(decision, StepStatus.FAILED);
            decision.StatusReason = $"No branch of '{decision.Name}' is met and it has no default branch.";
            edit.Emit(FlowEventType.TaskFailed, new HistoryLine("DecisionFailed", decision.Name), decision.Id, decision.PhaseId, decision.StatusReason);
        }
    }

    /// <summary>A live back edge restarts its loop: every task between its target and its source is reset.</summary>
    private bool FireLoops()
    {
        var fired = false;
        foreach (var e in graph.BackEdges)
        {
            int u = graph.From[e], v = graph.To[e];
            if (!graph.Tasks[u].IsFinished || !graph.IsLive(e))
            {
                continue;
            }

            var downstream = graph.Descendants(v);
            var body = new HashSet<int>(downstream);
            body.IntersectWith(graph.Ancestors(u));

            // Branches the loop's decision left dead are open again for the next pass through it.
            foreach (var j in downstream.Where(j => !body.Contains(j) && graph.Tasks[j].SkippedAutomatically == true))
            {
                edit.ResetTask(graph.Tasks[j], resetLoopCounter: false);
                stickyCurrentTaskIds.Remove(graph.Tasks[j].Id);
            }

            var counter = body.Select(j => graph.Tasks[j].LoopConfig).FirstOrDefault(l => l?.LoopBranchId is not null);
            foreach (var j in body.Order())
            {
                var task = graph.Tasks[j];
                edit.ResetTask(task, resetLoopCounter: false);
                stickyCurrentTaskIds.Remove(task.Id);
                if (counter is not null && task.LoopConfig?.LoopBranchId is null)
                {
                    task.LoopConfig = new LoopConfig { MaxIterations = counter.MaxIterations, CrtIterations = counter.CrtIterations };
                }
            }

            edit.Emit(FlowEventType.LoopIterationStarted, counter is null
                ? new HistoryLine("LoopBackTo", graph.Tasks[v].Name)
                : new HistoryLine("LoopBackToRepeat", graph.Tasks[v].Name, HistoryArg.Count(counter.CrtIterations ?? 0), HistoryArg.Count(counter.MaxIterations)), graph.Tasks[v].Id, graph.Tasks[v].PhaseId);
            fired = true;
        }

        return fired;
    }

    private void UpdateEnabled()
    {
        for (var i = 0; i < graph.Tasks.Length; i++)
        {
            var enabled = graph.IsEnabled(i);
            if (graph.Tasks[i].Enabled != enabled)
            {
                graph.Tasks[i].Enabled = enabled;
                edit.Touch(graph.Tasks[i]);
            }
        }
    }

    private void UpdatePhases()
    {
        for (var k = 0; k < graph.Phases.Length; k++)
        {
            var phase = graph.Phases[k];
            var tasks = graph.PhaseTasks[k];
            var status = PhaseStatus.OPEN;
            if (tasks.TrueForAll(i => graph.Tasks[i].IsFinished))
            {
                status = PhaseStatus.COMPLETED;
            }
            else if ((k == 0 && execution.Status == WorkflowStatus.STARTED) || tasks.Exists(i => HasBegun(graph.Tasks[i])))
            {
                status = PhaseStatus.IN_PROGRESS;
            }

            if (status == phase.Status)
            {
                continue;
            }

            if (phase.Status == PhaseStatus.COMPLETED)
            {
                phase.Analytics.CompletedAt = null;
            }

            phase.Status = status;
            phase.UpdatedAt = edit.Now;
            phase.Analytics.StatusUpdatedAt = edit.Now;
            if (status == PhaseStatus.COMPLETED)
            {
                phase.Analytics.CompletedAt = edit.Now;
                edit.Emit(FlowEventType.PhaseCompleted, new HistoryLine("PhaseCompleted", phase.Name), phaseId: phase.Id);
            }
            else if (status == PhaseStatus.IN_PROGRESS && phase.Analytics.InProgressAt is null)
            {
                phase.Analytics.InProgressAt = edit.Now;
                if (!starting)
                {
                    edit.Emit(FlowEventType.PhaseMarkedInProgress, new HistoryLine("PhaseInProgress", phase.Name), phaseId: phase.Id);
                }
            }
        }
    }

    private static bool HasBegun(ExecutionTask task) =>
        task.Status is StepStatus.IN_PROGRESS or StepStatus.ON_HOLD or StepStatus.FAILED or StepStatus.COMPLETED or StepStatus.SKIPPED;

    private void UpdateCurrentTasks()
    {
        var current = new List<TaskRef>();
        foreach (var i in graph.Topo)
        {
            var task = graph.Tasks[i];
            if (!task.IsFinished && graph.ReachOf(i, stickyCurrentTaskIds) == FlowGraph.Reach.Reached)
            {
                current.Add(execution.CrtTasks.Find(t => t.Id == task.Id) ?? new TaskRef { Id = task.Id });
            }
        }

        if (current.Select(t => t.Id).SequenceEqual(execution.CrtTasks.Select(t => t.Id)))
        {
            return;
        }

        var before = execution.CrtTasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var after = current.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in before.Union(after).Where(id => before.Contains(id) != after.Contains(id)))
        {
            var i = graph.IndexOf(id);
            if (i < 0)
            {
                continue;
            }

            if (after.Contains(id))
            {
                graph.Tasks[i].Analytics.StartedAt ??= edit.Now;
            }

            edit.Touch(graph.Tasks[i]);
        }

        execution.CrtTasks = current;
        edit.Emit(FlowEventType.CurrTaskChanged, current.Count == 0
            ? new HistoryLine("CurrentTasksNone")
            : new HistoryLine("CurrentTasks", HistoryArg.Names(current.Select(t => graph.Tasks[graph.IndexOf(t.Id)].Name))), current.Count > 0 ? current[0].Id : null, detail: string.Join(",", after));
    }

    private void UpdateWorkflowStatus()
    {
        if (execution.Status == WorkflowStatus.STARTED && graph.AllTasksFinished())
        {
            execution.Status = WorkflowStatus.DONE;
            execution.Analytics.CompletedAt = edit.Now;
            execution.Analytics.CompletedBy = edit.ActorId;
            edit.Emit(FlowEventType.FlowCompleted, new HistoryLine("FlowDone", execution.Name));
        }
        else if (execution.Status == WorkflowStatus.DONE && !graph.AllTasksFinished())
        {
            execution.Status = WorkflowStatus.STARTED;
            execution.Analytics.CompletedAt = null;
            execution.Analytics.CompletedBy = null;
            edit.Emit(FlowEventType.FlowReopened, new HistoryLine("FlowOpenAgain", execution.Name));
        }
    }
}
