using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Questions about where an execution stands on its graph, asked of the tasks' current state: which edges carry
/// the flow, which tasks the flow has reached, left dead or not yet decided, and which tasks may be worked on.
/// </summary>
internal sealed partial class FlowGraph
{
    public enum Reach
    {
        /// <summary>Some task before it is still open.</summary>
        Waiting,

        /// <summary>The flow arrived: a start task, or a finished task before it leads here.</summary>
        Reached,

        /// <summary>Every task before it finished and none leads here (a branch not taken).</summary>
        Dead,
    }

    /// <summary>Whether finished edge <paramref name="edge"/> carries the flow on to its target.</summary>
    public bool IsLive(int edge)
    {
        var source = Tasks[From[edge]];
        if (source.SkippedAutomatically == true)
        {
            return false;
        }

        if (source.TaskType != TaskType.DECISION)
        {
            return true;
        }

        var e = Edges[edge];
        if (source.Status == StepStatus.SKIPPED)
        {
            // A decision skipped by hand takes its default branch, if it has one.
            return e.NoneMet == true;
        }

        if (e.ConditionId is { } conditionId)
        {
            return IsTaken(source, conditionId);
        }

        return e.NoneMet != true || source.Conditions?.Exists(c => c.IsMet == true) != true;
    }

    /// <summary>Whether the decision takes branch <paramref name="conditionId"/>: the first met one, or every met one when it takes parallel branches.</summary>
    public static bool IsTaken(ExecutionTask decision, string conditionId)
    {
        if (decision.Conditions is null)
        {
            return false;
        }

        foreach (var c in decision.Conditions)
        {
            if (c.IsMet == true)
            {
                if (c.Id == conditionId)
                {
                    return true;
                }

                if (!decision.TakesParallelBranches)
                {
                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// How far the flow got to task <paramref name="i"/>. A task in <paramref name="stickyCurrentTaskIds"/> stays
    /// reached while a task before it is open again, so a current task stays current.
    /// </summary>
    public Reach ReachOf(int i, IReadOnlySet<string> stickyCurrentTaskIds)
    {
        var incoming = In[i];
        if (incoming.Count == 0)
        {
            return Reach.Reached;
        }

        bool anyLive = false, anyOpen = false;
        foreach (var e in incoming)
        {
            if (!Tasks[From[e]].IsFinished)
            {
                anyOpen = true;
            }
            else if (IsLive(e))
            {
                anyLive = true;
            }
        }

        if (anyOpen)
        {
            return stickyCurrentTaskIds.Contains(Tasks[i].Id) ? Reach.Reached : Reach.Waiting;
        }

        return anyLive ? Reach.Reached : Reach.Dead;
    }

    /// <summary>Whether task <paramref name="i"/> may be worked on: its requirements hold and, in sequential mode, every task before it is finished.</summary>
    public bool IsEnabled(int i)
    {
        var task = Tasks[i];
        if (task.Requirements is { } requirements)
        {
            foreach (var r in requirements)
            {
                if (!Holds(r))
                {
                    return false;
                }
            }
        }

        if (IsLinear)
        {
            foreach (var e in In[i])
            {
                if (!Tasks[From[e]].IsFinished)
                {
                    return false;
                }
            }
        }

        return true;
    }

    // A requirement pointing at nothing holds: validation reports it, and a run must not lock forever.
    private bool Holds(EnableRequirement r) => r.When switch
    {
        RequirementWhen.TASK_FINISHED => r.TaskId is null || IndexOf(r.TaskId) is var j && (j < 0 || Tasks[j].IsFinished),
        _ => Phase(r.PhaseId) is not { } phase || phase.Status == PhaseStatus.COMPLETED,
    };

    public bool AllTasksFinished() => Array.TrueForAll(Tasks, t => t.IsFinished);

    /// <summary>The refusal text for a locked task: its name and what it waits for.</summary>
    public string WaitsFor(int i) => RefusalText.Of("TaskWaitsFor", Tasks[i].Name, string.Join(", ", WaitingNames(i)));

    /// <summary>The names of what keeps task <paramref name="taskId"/> locked; empty when it is enabled.</summary>
    public IReadOnlyList<string> WaitingNames(string taskId) => IndexOf(taskId) is var i and >= 0 ? WaitingNames(i) : [];

    private List<string> WaitingNames(int i)
    {
        var task = Tasks[i];
        var names = new List<string>();
        foreach (var r in task.Requirements ?? [])
        {
            if (Holds(r))
            {
                continue;
            }

            names.Add(r.When == RequirementWhen.TASK_FINISHED
                ? Tasks[IndexOf(r.TaskId!)].Name
                : $"phase {Phase(r.PhaseId)!.Name}");
        }

        if (IsLinear)
        {
            names.AddRange(In[i].Select(e => Tasks[From[e]]).Where(t => !t.IsFinished).Select(t => t.Name));
        }

        return [.. names.Distinct()];
    }
}
