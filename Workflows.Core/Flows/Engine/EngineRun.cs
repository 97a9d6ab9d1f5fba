namespace Workflows.Core.Flows.Engine;

/// <summary>
/// One command against one execution: checks, applies and then settles the derived state
/// (reached tasks, dead paths, decisions, loops, enabled, phases, due dates, current tasks,
/// workflow status) in passes over the tasks in topological order until nothing moves.
/// Checks come before any change, so a refused command leaves the execution untouched.
/// </summary>
internal sealed partial class EngineRun
{
    private enum Reach
    {
        Waiting,
        Reached,
        Dead,
    }

    private readonly FlowExecution _x;
    private readonly EngineContext _ctx;
    private readonly List<FlowEvent> _events = [];
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    // Current tasks stay current until finished, reset or skipped, even when a reopened
    // task upstream makes their incoming edge unfinished again (the spec's revert_execution=false).
    private readonly HashSet<string> _unstick = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stick = new(StringComparer.Ordinal);
    private FlowGraph _g;
    private bool _starting;

    public EngineRun(FlowExecution execution, EngineContext context)
    {
        _x = execution;
        _ctx = context;
        _g = new FlowGraph(execution);
    }

    private DateTimeOffset Now => _ctx.Now;

    private string ActorId => _ctx.Actor.UserId;

    public FlowResult Start()
    {
        _starting = true;
        Emit(FlowEventType.FlowStarted, $"{_ctx.Actor.DisplayName} started '{_x.Name}'");
        foreach (var task in _x.Tasks)
        {
            _changed.Add(task.Id);
        }

        Settle();
        _starting = false;
        _x.Version = 1;
        return FlowResult.Ok(_x, _events, _changed);
    }

    public FlowResult Apply(FlowCommand command)
    {
        if (_x.Deleted)
        {
            return FlowResult.Fail(FlowError.NotFound($"Workflow '{_x.Name}' has been deleted."));
        }

        var error = command switch
        {
            SetTaskStatus c => SetStatus(c),
            ChooseDecisionBranch c => ChooseBranch(c),
            SetDueDate c => SetDueDate(c),
            Assign c => Assign(c),
            AddManualTask c => AddTask(c),
            CloseFlow c => Close(c),
            ReopenFlow => Reopen(),
            DeleteFlow c => Delete(c),
            AutomationStarted c => AutomationStarted(c),
            AutomationCompleted c => AutomationCompleted(c),
            AutomationFailed c => AutomationFailed(c),
            RetryTask c => Retry(c),
            _ => FlowError.Invalid($"Unknown command {command.GetType().Name}."),
        };
        if (error is not null)
        {
            return FlowResult.Fail(error);
        }

        if (!_x.Deleted)
        {
            Settle();
        }

        _x.Version++;
        _x.UpdatedAt = Now;
        return FlowResult.Ok(_x, _events, _changed);
    }

    private void Emit(FlowEventType type, string summary, string? taskId = null, string? phaseId = null, string? detail = null) =>
        _events.Add(new FlowEvent
        {
            Type = type,
            ExecutionId = _x.Id,
            At = Now,
            Actor = _ctx.Actor,
            Summary = summary,
            TaskId = taskId,
            PhaseId = phaseId,
            Detail = detail,
        });

    private void Touch(ExecutionTask task)
    {
        task.UpdatedAt = Now;
        _changed.Add(task.Id);
    }

    private void Transition(ExecutionTask task, StepStatus status)
    {
        task.Status = status;
        var a = task.Analytics;
        a.StatusUpdatedAt = Now;
        switch (status)
        {
            case StepStatus.IN_PROGRESS:
                a.InProgressAt = Now;
                a.InProgressBy = ActorId;
                break;
            case StepStatus.COMPLETED:
                a.CompletedAt = Now;
                a.CompletedBy = ActorId;
                break;
            case StepStatus.SKIPPED:
                a.SkippedBy = ActorId;
                break;
            case StepStatus.ON_HOLD:
                a.OnHoldBy = ActorId;
                break;
            default:
                break;
        }

        if (status != StepStatus.FAILED)
        {
            task.StatusReason = null;
        }

        task.SkippedAutomatically = null;
        Touch(task);
    }

    /// <summary>Back to a fresh PENDING task: decision results, automation run and failure cleared.</summary>
    private void ResetTask(ExecutionTask task, bool resetLoopCounter)
    {
        task.Status = StepStatus.PENDING;
        task.Analytics.StatusUpdatedAt = Now;
        task.StatusReason = null;
        task.SkippedAutomatically = null;
        if (task.Conditions is not null)
        {
            task.Conditions = task.Conditions.ConvertAll(c => c with { IsMet = null, EvaluatedAt = null });
        }

        if (task.TaskType == TaskType.AUTOMATION && task.AutomationConfig is not null)
        {
            task.AutomationConfig = task.AutomationConfig with { ExecutionId = null, ExecutionStatus = null, ErrorReason = null };
            task.AutomationExecutionId = null;
        }

        if (resetLoopCounter && task.LoopConfig is not null)
        {
            task.LoopConfig = task.LoopConfig with { CrtIterations = 0 };
        }

        _unstick.Add(task.Id);
        Touch(task);
    }

    private static DateTimeOffset? FinishedAt(ExecutionTask task) => task.Status switch
    {
        StepStatus.COMPLETED => task.Analytics.CompletedAt ?? task.Analytics.StatusUpdatedAt,
        StepStatus.SKIPPED => task.Analytics.StatusUpdatedAt,
        _ => null,
    };

    private static string Word(StepStatus status) => status switch
    {
        StepStatus.IN_PROGRESS => "in progress",
        StepStatus.ON_HOLD => "on hold",
        StepStatus.CONDITION_PENDING => "waiting for its decision",
        _ => status.ToString().ToLowerInvariant(),
    };

    private bool IsLive(int edge)
    {
        var source = _g.Tasks[_g.From[edge]];
        if (source.SkippedAutomatically == true)
        {
            return false;
        }

        if (source.TaskType != TaskType.DECISION)
        {
            return true;
        }

        var e = _g.Edges[edge];
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

    private static bool IsTaken(ExecutionTask decision, string conditionId)
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

    private Reach ReachOf(int i, HashSet<string> sticky)
    {
        var incoming = _g.In[i];
        if (incoming.Count == 0)
        {
            return Reach.Reached;
        }

        bool anyLive = false, anyOpen = false;
        foreach (var e in incoming)
        {
            if (!_g.Tasks[_g.From[e]].IsFinished)
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
            return sticky.Contains(_g.Tasks[i].Id) ? Reach.Reached : Reach.Waiting;
        }

        return anyLive ? Reach.Reached : Reach.Dead;
    }

    private bool IsEnabled(int i)
    {
        var task = _g.Tasks[i];
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

        if (_x.Linear == true)
        {
            foreach (var e in _g.In[i])
            {
                if (!_g.Tasks[_g.From[e]].IsFinished)
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
        RequirementWhen.TASK_FINISHED => r.TaskId is null || _g.IndexOf(r.TaskId) is var j && (j < 0 || _g.Tasks[j].IsFinished),
        _ => _g.Phase(r.PhaseId) is not { } phase || phase.Status == PhaseStatus.COMPLETED,
    };

    private string WaitsFor(int i) => $"'{_g.Tasks[i].Name}' waits for: {string.Join(", ", WaitingNames(i))}";

    /// <summary>The names of what keeps task <paramref name="taskId"/> locked; empty when it is enabled.</summary>
    internal IReadOnlyList<string> WaitingNames(string taskId) => _g.IndexOf(taskId) is var i and >= 0 ? WaitingNames(i) : [];

    private List<string> WaitingNames(int i)
    {
        var task = _g.Tasks[i];
        var names = new List<string>();
        foreach (var r in task.Requirements ?? [])
        {
            if (Holds(r))
            {
                continue;
            }

            names.Add(r.When == RequirementWhen.TASK_FINISHED
                ? _g.Tasks[_g.IndexOf(r.TaskId!)].Name
                : $"phase {_g.Phase(r.PhaseId)!.Name}");
        }

        if (_x.Linear == true)
        {
            names.AddRange(_g.In[i].Select(e => _g.Tasks[_g.From[e]]).Where(t => !t.IsFinished).Select(t => t.Name));
        }

        return [.. names.Distinct()];
    }

    private void Settle()
    {
        var sticky = new HashSet<string>(_x.CrtTasks.Select(t => t.Id), StringComparer.Ordinal);
        sticky.ExceptWith(_unstick);
        sticky.UnionWith(_stick);

        // Each pass moves at least one task forward or fires a loop, both bounded; the cap only
        // guards against templates that failed validation (a loop without a limit).
        var maxPasses = (4 * _g.Tasks.Length) + 20;
        for (var pass = 0; pass < maxPasses; pass++)
        {
            UpdatePhases();
            UpdateEnabled();
            var moved = false;
            foreach (var i in _g.Topo)
            {
                moved |= Advance(i, sticky);
            }

            moved |= FireLoops(sticky);
            if (!moved)
            {
                break;
            }
        }

        UpdatePhases();
        UpdateEnabled();
        UpdateCurrentTasks(sticky);
        UpdateDueDates();
        UpdateWorkflowStatus();
    }

    /// <summary>Skips a dead task or runs what a reached task does by itself; true when a task finished or failed.</summary>
    private bool Advance(int i, HashSet<string> sticky)
    {
        var task = _g.Tasks[i];
        if (task.IsFinished)
        {
            return false;
        }

        var reach = ReachOf(i, sticky);
        if (reach == Reach.Dead)
        {
            Transition(task, StepStatus.SKIPPED);
            task.Analytics.SkippedBy = null;
            task.SkippedAutomatically = true;
            task.StatusReason = "Its branch was not taken.";
            sticky.Remove(task.Id);
            Emit(FlowEventType.TaskSkipped, $"'{task.Name}' was skipped: its branch was not taken", task.Id, task.PhaseId, "automatic");
            return true;
        }

        if (reach == Reach.Waiting)
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
                Touch(task);
                return false;
            case TaskType.AUTOMATION when task.IsAutomatic && task.Enabled && task.Status == StepStatus.PENDING:
                Transition(task, StepStatus.SCHEDULED);
                Emit(FlowEventType.AutomationTaskScheduled, $"Automation '{task.Name}' is scheduled to run", task.Id, task.PhaseId,
                    task.Schedule?.Mode?.ToString() ?? "Immediate");
                return false;
            default:
                return false;
        }
    }

    private void Evaluate(int i)
    {
        var decision = _g.Tasks[i];
        var conditions = decision.Conditions ?? [];
        var met = conditions.ConvertAll(c => ConditionEvaluator.IsMet(c, _ctx.Facts, Now, _ctx.TimeZone));
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

        decision.Conditions = [.. conditions.Select((c, k) => c with { IsMet = met[k], EvaluatedAt = Now })];
        var taken = decision.Conditions.Where(c => IsTaken(decision, c.Id)).Select(c => c.BranchName ?? c.Id).ToList();
        var hasDefault = _g.AllOut[i].Exists(e => _g.Edges[e].NoneMet == true);
        if (taken.Count > 0 || hasDefault)
        {
            var what = taken.Count > 0 ? $"took {string.Join(", ", taken.Select(t => $"'{t}'"))}" : "met no branch and took the default";
            Emit(FlowEventType.DecisionEvaluated, $"Decision '{decision.Name}' {what}", decision.Id, decision.PhaseId, string.Join(",", taken));
            Transition(decision, StepStatus.COMPLETED);
            decision.StatusReason = note;
            Emit(FlowEventType.TaskCompleted, $"'{decision.Name}' was decided automatically", decision.Id, decision.PhaseId);
        }
        else
        {
            Emit(FlowEventType.DecisionEvaluated, $"Decision '{decision.Name}' met no branch", decision.Id, decision.PhaseId);
            Transition(decision, StepStatus.FAILED);
            decision.StatusReason = $"No branch of '{decision.Name}' is met and it has no default branch.";
            Emit(FlowEventType.TaskFailed, decision.StatusReason, decision.Id, decision.PhaseId, decision.StatusReason);
        }
    }

    /// <summary>A live back edge restarts its loop: every task between its target and its source is reset.</summary>
    private bool FireLoops(HashSet<string> sticky)
    {
        var fired = false;
        foreach (var e in _g.BackEdges)
        {
            int u = _g.From[e], v = _g.To[e];
            if (!_g.Tasks[u].IsFinished || !IsLive(e))
            {
                continue;
            }

            var downstream = _g.Descendants(v);
            var body = new HashSet<int>(downstream);
            body.IntersectWith(_g.Ancestors(u));

            // Branches the loop's decision left dead are open again for the next pass through it.
            foreach (var j in downstream.Where(j => !body.Contains(j) && _g.Tasks[j].SkippedAutomatically == true))
            {
                ResetTask(_g.Tasks[j], resetLoopCounter: false);
                sticky.Remove(_g.Tasks[j].Id);
            }

            var counter = body.Select(j => _g.Tasks[j].LoopConfig).FirstOrDefault(l => l?.LoopBranchId is not null);
            foreach (var j in body.Order())
            {
                var task = _g.Tasks[j];
                ResetTask(task, resetLoopCounter: false);
                sticky.Remove(task.Id);
                if (counter is not null && task.LoopConfig?.LoopBranchId is null)
                {
                    task.LoopConfig = new LoopConfig { MaxIterations = counter.MaxIterations, CrtIterations = counter.CrtIterations };
                }
            }

            var iteration = counter is null ? "" : $" (repeat {counter.CrtIterations} of {counter.MaxIterations})";
            Emit(FlowEventType.LoopIterationStarted, $"Back to '{_g.Tasks[v].Name}'{iteration}", _g.Tasks[v].Id, _g.Tasks[v].PhaseId);
            fired = true;
        }

        return fired;
    }

    private void UpdateEnabled()
    {
        for (var i = 0; i < _g.Tasks.Length; i++)
        {
            var enabled = IsEnabled(i);
            if (_g.Tasks[i].Enabled != enabled)
            {
                _g.Tasks[i].Enabled = enabled;
                Touch(_g.Tasks[i]);
            }
        }
    }

    private void UpdatePhases()
    {
        for (var k = 0; k < _g.Phases.Length; k++)
        {
            var phase = _g.Phases[k];
            var tasks = _g.PhaseTasks[k];
            var status = PhaseStatus.OPEN;
            if (tasks.TrueForAll(i => _g.Tasks[i].IsFinished))
            {
                status = PhaseStatus.COMPLETED;
            }
            else if ((k == 0 && _x.Status == WorkflowStatus.STARTED) || tasks.Exists(i => HasBegun(_g.Tasks[i])))
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
            phase.UpdatedAt = Now;
            phase.Analytics.StatusUpdatedAt = Now;
            if (status == PhaseStatus.COMPLETED)
            {
                phase.Analytics.CompletedAt = Now;
                Emit(FlowEventType.PhaseCompleted, $"Phase '{phase.Name}' is completed", phaseId: phase.Id);
            }
            else if (status == PhaseStatus.IN_PROGRESS && phase.Analytics.InProgressAt is null)
            {
                phase.Analytics.InProgressAt = Now;
                if (!_starting)
                {
                    Emit(FlowEventType.PhaseMarkedInProgress, $"Phase '{phase.Name}' is in progress", phaseId: phase.Id);
                }
            }
        }
    }

    private static bool HasBegun(ExecutionTask task) =>
        task.Status is StepStatus.IN_PROGRESS or StepStatus.ON_HOLD or StepStatus.FAILED or StepStatus.COMPLETED or StepStatus.SKIPPED;

    private void UpdateCurrentTasks(HashSet<string> sticky)
    {
        var current = new List<TaskRef>();
        foreach (var i in _g.Topo)
        {
            var task = _g.Tasks[i];
            if (!task.IsFinished && ReachOf(i, sticky) == Reach.Reached)
            {
                current.Add(_x.CrtTasks.Find(t => t.Id == task.Id) ?? new TaskRef { Id = task.Id });
            }
        }

        if (current.Select(t => t.Id).SequenceEqual(_x.CrtTasks.Select(t => t.Id)))
        {
            return;
        }

        var before = _x.CrtTasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var after = current.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in before.Union(after).Where(id => before.Contains(id) != after.Contains(id)))
        {
            var i = _g.IndexOf(id);
            if (i < 0)
            {
                continue;
            }

            if (after.Contains(id))
            {
                _g.Tasks[i].Analytics.StartedAt ??= Now;
            }

            Touch(_g.Tasks[i]);
        }

        _x.CrtTasks = current;
        var names = current.Count == 0 ? "none" : string.Join(", ", current.Select(t => $"'{_g.Tasks[_g.IndexOf(t.Id)].Name}'"));
        Emit(FlowEventType.CurrTaskChanged, $"Current tasks: {names}", current.Count > 0 ? current[0].Id : null, detail: string.Join(",", after));
    }

    private void UpdateDueDates()
    {
        if (_x.DueDateConfig is { } flowConfig && Compute(flowConfig, -1) is var due && due != _x.DueDate)
        {
            _x.DueDate = due;
            if (!_starting)
            {
                Emit(FlowEventType.FlowDueDateChanged, $"The workflow is due {due?.ToString() ?? "later"}", detail: due?.ToString());
            }
        }

        foreach (var phase in _g.Phases)
        {
            if (phase.DueDateConfig is { } config && Compute(config, -1) is var phaseDue && phaseDue != phase.DueDate)
            {
                phase.DueDate = phaseDue;
                if (!_starting)
                {
                    Emit(FlowEventType.PhaseDueDateChanged, $"Phase '{phase.Name}' is due {phaseDue?.ToString() ?? "later"}", phaseId: phase.Id, detail: phaseDue?.ToString());
                }
            }
        }

        for (var i = 0; i < _g.Tasks.Length; i++)
        {
            var task = _g.Tasks[i];
            if (task.DueDateConfig is { } config && Compute(config, i) is var taskDue && taskDue != task.DueDate)
            {
                task.DueDate = taskDue;
                Touch(task);
                if (!_starting)
                {
                    Emit(FlowEventType.TaskDueDateChanged, $"'{task.Name}' is due {taskDue?.ToString() ?? "later"}", task.Id, task.PhaseId, taskDue?.ToString());
                }
            }
        }
    }

    /// <summary>The due date of a dynamic configuration, or null while its anchor has not happened.</summary>
    private FlowDueDate? Compute(DueDateConfig config, int owner)
    {
        DateTimeOffset? anchor = config.Type switch
        {
            DueDateType.WORKFLOW_STARTED => _x.Analytics.StartedAt,
            DueDateType.TASK_FINISHED => config.TaskId is { } id && _g.IndexOf(id) is var j && j >= 0 ? FinishedAt(_g.Tasks[j]) : null,
            DueDateType.PHASE_FINISHED => _g.Phase(config.PhaseId) is { Status: PhaseStatus.COMPLETED } phase ? phase.Analytics.CompletedAt : null,
            DueDateType.A_PRECEDING_TASK_COMPLETED => Preceding(owner, all: false),
            _ => Preceding(owner, all: true),
        };
        return anchor is { } at ? DueDateCalculator.Add(at, config.Duration, config.Unit, _ctx.TimeZone) : null;
    }

    private DateTimeOffset? Preceding(int owner, bool all)
    {
        if (owner < 0 || _g.In[owner].Count == 0)
        {
            return _x.Analytics.StartedAt;
        }

        DateTimeOffset? result = null;
        foreach (var e in _g.In[owner])
        {
            var finished = FinishedAt(_g.Tasks[_g.From[e]]);
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

    private bool AllFinished() => Array.TrueForAll(_g.Tasks, t => t.IsFinished);

    private void UpdateWorkflowStatus()
    {
        if (_x.Status == WorkflowStatus.STARTED && AllFinished())
        {
            _x.Status = WorkflowStatus.DONE;
            _x.Analytics.CompletedAt = Now;
            _x.Analytics.CompletedBy = ActorId;
            Emit(FlowEventType.FlowCompleted, $"'{_x.Name}' is done");
        }
        else if (_x.Status == WorkflowStatus.DONE && !AllFinished())
        {
            _x.Status = WorkflowStatus.STARTED;
            _x.Analytics.CompletedAt = null;
            _x.Analytics.CompletedBy = null;
            Emit(FlowEventType.FlowReopened, $"'{_x.Name}' is open again");
        }
    }
}
