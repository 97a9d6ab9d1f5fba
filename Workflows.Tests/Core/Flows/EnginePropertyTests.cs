using System.Text.Json.Nodes;
using System.Text.Json;
using FsCheck.Xunit;
using FsCheck;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows.Validation;
using Workflows.Core.Flows;

namespace Workflows.Tests.Core.Flows;

/// <summary>
/// Invariants over generated valid templates (random DAGs with requirements, phases, decisions
/// and automations) after any sequence of commands, allowed or refused.
/// </summary>
public sealed class EnginePropertyTests
{
    [Property(MaxTest = 300)]
    public void Invariants_hold_after_any_sequence_of_commands(PositiveInt seed, int[] choices)
    {
        var template = RandomTemplate(new Random(seed.Get));
        Assert.Empty(FlowTemplateValidator.Validate(template, []));
        var record = new JsonObject { ["x"] = seed.Get % 3 };
        var now = EngineHarness.T0;
        var started = FlowEngine.Start(template, new StartFlow("x", [new EntityRef { EntityId = "r" }]), Context(now, record));
        Assert.True(started.Succeeded);
        var execution = started.Execution;
        CheckInvariants(execution);

        var added = 0;
        foreach (var choice in choices)
        {
            now = now.AddMinutes(1);
            var command = CommandFor(choice & int.MaxValue, execution, ref added);
            var before = JsonSerializer.Serialize(execution, FlowJson.Options);
            var enabledBefore = execution.Tasks.ToDictionary(t => t.Id, t => Enabled(execution, t));
            var version = execution.Version;

            var result = FlowEngine.Apply(execution, command, Context(now, record));

            if (!result.Succeeded)
            {
                Assert.Equal(before, JsonSerializer.Serialize(execution, FlowJson.Options));
                continue;
            }

            Assert.Equal(version + 1, execution.Version);
            if (command is SetTaskStatus { Status: StepStatus.COMPLETED or StepStatus.SKIPPED or StepStatus.IN_PROGRESS } set)
            {
                Assert.True(enabledBefore[set.TaskId], $"locked task {set.TaskId} accepted {set.Status}");
            }

            CheckInvariants(execution);
        }
    }

    private static EngineContext Context(DateTimeOffset now, JsonObject record) =>
        new(now, EngineHarness.Anna) { Facts = EngineContext.FactsFrom(record) };

    private static void CheckInvariants(FlowExecution x)
    {
        var finished = x.Tasks.TrueForAll(t => t.IsFinished);
        if (x.Status != WorkflowStatus.CLOSED)
        {
            Assert.Equal(finished, x.Status == WorkflowStatus.DONE);
        }

        var ids = x.CrtTasks.Select(c => c.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var id in ids)
        {
            var task = x.FindTask(id);
            Assert.NotNull(task);
            Assert.False(task.IsFinished, $"current task {id} is {task.Status}");
        }

        foreach (var task in x.Tasks)
        {
            Assert.Equal(Enabled(x, task), task.Enabled);
        }

        foreach (var phase in x.Phases)
        {
            var tasks = x.Tasks.Where(t => t.PhaseId == phase.Id).ToList();
            Assert.Equal(tasks.TrueForAll(t => t.IsFinished), phase.Status == PhaseStatus.COMPLETED);
        }

        if (x.Status == WorkflowStatus.STARTED && !finished)
        {
            // Something must be workable: a current task, or an enabled unfinished one.
            Assert.True(ids.Count > 0 || x.Tasks.Exists(t => !t.IsFinished && t.Enabled), "the workflow is stuck");
        }
    }

    /// <summary>A task is enabled when each requirement holds (its task finished, or every task of its phase finished) and, in a linear workflow, every task before it finished; computed independently of the engine.</summary>
    private static bool Enabled(FlowExecution x, ExecutionTask task)
    {
        foreach (var r in task.Requirements ?? [])
        {
            var holds = r.When == RequirementWhen.TASK_FINISHED
                ? x.FindTask(r.TaskId!)!.IsFinished
                : x.Tasks.Where(t => t.PhaseId == r.PhaseId).All(t => t.IsFinished);
            if (!holds)
            {
                return false;
            }
        }

        return x.Linear != true || x.Edges.Where(e => e.ToId == task.Id).All(e => x.FindTask(e.FromId)!.IsFinished);
    }

    internal static FlowCommand CommandFor(int choice, FlowExecution x, ref int added)
    {
        var task = x.Tasks[choice / 16 % x.Tasks.Count];
        var flag = choice / 256 % 2 == 1;
        switch (choice % 16)
        {
            case 0 or 1 or 2 or 3:
                return new SetTaskStatus(task.Id, StepStatus.COMPLETED);
            case 4:
                return new SetTaskStatus(task.Id, StepStatus.SKIPPED);
            case 5:
                return new SetTaskStatus(task.Id, StepStatus.IN_PROGRESS);
            case 6:
                return new SetTaskStatus(task.Id, StepStatus.ON_HOLD);
            case 7:
                return new SetTaskStatus(task.Id, StepStatus.PENDING, flag);
            case 8 or 9:
                var branches = task.Conditions ?? [];
                return new ChooseDecisionBranch(task.Id, branches.Count == 0 ? "none" : branches[choice / 512 % branches.Count].Id);
            case 10:
                return task.Status switch
                {
                    StepStatus.IN_PROGRESS => flag ? new AutomationCompleted(task.Id) : new AutomationFailed(task.Id, "boom"),
                    StepStatus.FAILED => new RetryTask(task.Id),
                    _ => new AutomationStarted(task.Id),
                };
            case 11:
                return x.Status == WorkflowStatus.CLOSED ? new ReopenFlow() : new CloseFlow([]);
            case 12:
                return new ReopenFlow();
            case 13:
                added++;
                var next = x.Edges.Find(e => e.FromId == task.Id)?.ToId;
                return new AddManualTask($"added{added}", $"Added {added}", task.Id, flag ? next : null);
            case 14:
                return new Assign(FlowItemRef.Task(task.Id), [Assignee.Of("u-" + choice % 5)]);
            default:
                return new SetDueDate(FlowItemRef.Task(task.Id), null, new DueDateConfig { Duration = 1, Unit = TimeUnit.Hours, Type = DueDateType.ALL_PRECEDING_TASKS_COMPLETED });
        }
    }

    internal static FlowTemplate RandomTemplate(Random random)
    {
        var n = random.Next(2, 9);
        var phaseCount = random.Next(0, 3);
        var template = new FlowTemplate
        {
            Id = "t",
            Name = "Generated",
            Linear = random.Next(4) == 0,
            Phases = [.. Enumerable.Range(0, phaseCount).Select(k => new FlowPhase { Id = $"p{k}", Name = $"Phase {k}" })],
        };

        for (var i = 0; i < n; i++)
        {
            var task = new FlowTask { Id = $"t{i}", Name = $"Task {i}" };
            if (phaseCount > 0 && random.Next(3) > 0)
            {
                // Phases follow the task order, so phase requirements cannot form a cycle.
                task.PhaseId = $"p{Math.Min(phaseCount - 1, i * phaseCount / n)}";
            }

            if (random.Next(6) == 0)
            {
                task.TaskType = TaskType.AUTOMATION;
                task.AutomationConfig = new AutomationConfig { FlowId = "a" };
                task.TriggerMode = random.Next(2) == 0 ? TriggerMode.Automatic : TriggerMode.Manual;
            }

            template.Tasks.Add(task);
        }

        for (var j = 1; j < n; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (random.Next(10) < 3)
                {
                    template.Edges.Add(new FlowEdge { Id = $"e{template.Edges.Count}", FromId = $"t{i}", ToId = $"t{j}" });
                }

                if (random.Next(10) < 2)
                {
                    (template.Tasks[j].Requirements ??= []).Add(new EnableRequirement { TaskId = $"t{i}", When = RequirementWhen.TASK_FINISHED });
                }
            }

            var phase = template.Tasks[j].PhaseId;
            var earlier = template.Phases!.Select(p => p.Id).Where(p => p != phase && template.Tasks.Skip(j).All(t => t.PhaseId != p)).ToList();
            if (earlier.Count > 0 && random.Next(8) == 0)
            {
                (template.Tasks[j].Requirements ??= []).Add(new EnableRequirement { PhaseId = earlier[random.Next(earlier.Count)], When = RequirementWhen.PHASE_FINISHED });
            }
        }

        // Tasks with two or more outgoing edges may become decisions, one branch per edge.
        foreach (var task in template.Tasks)
        {
            var outgoing = template.Edges.Where(e => e.FromId == task.Id).ToList();
            if (outgoing.Count < 2 || random.Next(2) == 0)
            {
                continue;
            }

            task.TaskType = TaskType.DECISION;
            task.AutomationConfig = null;
            task.TriggerMode = random.Next(2) == 0 ? TriggerMode.Automatic : TriggerMode.Manual;
            task.AllowParallelExecution = random.Next(2) == 0;
            task.Conditions = [];
            var withDefault = random.Next(2) == 0;
            for (var k = 0; k < outgoing.Count; k++)
            {
                var edge = outgoing[k];
                var index = template.Edges.IndexOf(edge);
                if (withDefault && k == outgoing.Count - 1)
                {
                    template.Edges[index] = edge with { NoneMet = true };
                    continue;
                }

                var id = $"{task.Id}-b{k}";
                task.Conditions.Add(new Condition
                {
                    Id = id,
                    BranchName = id,
                    LogicalOperator = LogicalOperator.AND,
                    Statements = [new Statement { Id = "s", Source = new EvaluationSource { Attribute = "x", AttributeType = "number" }, Operator = Operator.Equal, Values = [$"{random.Next(3)}"] }],
                });
                template.Edges[index] = edge with { ConditionId = id };
            }
        }

        return template;
    }
}
