using System.Text.Json.Nodes;
using System.Text.Json;
using FsCheck.Xunit;
using FsCheck;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary><see cref="FlowEngine.Actions"/>: what a task offers is exactly what the engine then accepts.</summary>
public sealed class TaskActionsTests
{
    [Property(MaxTest = 200)]
    public void Every_offered_command_succeeds_and_every_withheld_one_is_refused_with_the_same_reason(PositiveInt seed, int[] choices)
    {
        var template = EnginePropertyTests.RandomTemplate(new Random(seed.Get));
        var record = new JsonObject { ["x"] = seed.Get % 3 };
        var now = EngineHarness.T0;
        var execution = FlowEngine.Start(template, new StartFlow("x", [new EntityRef { EntityId = "r" }]), Context(now, record)).Execution!;
        var added = 0;
        foreach (var choice in choices.Take(12))
        {
            now = now.AddMinutes(1);
            var task = execution.Tasks[(choice & int.MaxValue) % execution.Tasks.Count];
            var before = JsonSerializer.Serialize(execution, FlowJson.Options);

            var options = FlowEngine.Actions(execution, task.Id, Context(now, record));

            Assert.Equal(before, JsonSerializer.Serialize(execution, FlowJson.Options));
            Assert.NotEmpty(options);
            foreach (var option in options)
            {
                var copy = FlowExecutionService.Deserialize(before);
                var result = FlowEngine.Apply(copy, option.Command, Context(now, record));
                Assert.Equal(option.Allowed, result.Succeeded);
                Assert.Equal(option.Refusal, result.Error);
            }

            // Move on with a command the way a person would send it, on the live execution, so the options are
            // judged in every state the engine reaches; the verdict on the live object must match the copy's.
            var sent = EnginePropertyTests.CommandFor(choice & int.MaxValue, execution, ref added);
            var offered = options.FirstOrDefault(o => o.Command == sent);
            var applied = FlowEngine.Apply(execution, sent, Context(now, record));
            if (offered is not null)
            {
                Assert.Equal(offered.Allowed, applied.Succeeded);
            }
        }
    }

    [Fact]
    public void A_decision_offers_its_branches_and_not_mark_as_done()
    {
        var run = EngineHarness.Start(ATemplate()
            .WithTask("check", "Check documents")
            .WithDecision("size", TriggerMode.Manual, Branch("big"), Branch("small"))
            .WithTask("engineer").WithTask("self")
            .Edge("check", "size").Edge("size", "engineer", condition: "big").Edge("size", "self", condition: "small")
            .Build());
        run.Complete("check");

        var options = Actions(run, "size");

        Assert.False(options[TaskCommandKind.Complete].Allowed);
        Assert.Equal("'size' is a decision: choose one of its branches.", options[TaskCommandKind.Complete].Refusal!.Message);
        Assert.False(options[TaskCommandKind.MarkInProgress].Allowed);
        Assert.Equal(["big", "small"], FlowEngine.Actions(run.Execution, "size", Context(run))
            .Where(o => o is { Kind: TaskCommandKind.ChooseBranch, Allowed: true })
            .Select(o => ((ChooseDecisionBranch)o.Command).ConditionId));
    }

    [Fact]
    public void A_locked_task_refuses_its_status_changes_with_what_it_waits_for_but_may_be_put_on_hold()
    {
        var run = EngineHarness.Start(ATemplate()
            .WithTask("check", "Check documents")
            .WithTask("order", "Order materials").Requires("check")
            .Build());

        var options = Actions(run, "order");

        Assert.Equal(FlowErrorKind.Locked, options[TaskCommandKind.Complete].Refusal!.Kind);
        Assert.Contains("Check documents", options[TaskCommandKind.Complete].Refusal!.Message);
        Assert.Equal(FlowErrorKind.Locked, options[TaskCommandKind.Skip].Refusal!.Kind);
        Assert.True(options[TaskCommandKind.PutOnHold].Allowed);
        Assert.False(options.ContainsKey(TaskCommandKind.Reopen));
    }

    [Fact]
    public void A_finished_task_offers_reopen_and_a_held_one_offers_resume()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").WithTask("b").Build());
        run.Complete("a");
        run.Ok(new SetTaskStatus("b", StepStatus.ON_HOLD));

        Assert.True(Actions(run, "a")[TaskCommandKind.Reopen].Allowed);
        Assert.False(Actions(run, "a")[TaskCommandKind.Complete].Allowed);
        Assert.True(Actions(run, "b")[TaskCommandKind.Resume].Allowed);
        Assert.False(Actions(run, "b")[TaskCommandKind.PutOnHold].Allowed);
    }

    [Fact]
    public void An_unknown_task_offers_nothing()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").Build());

        Assert.Empty(FlowEngine.Actions(run.Execution, "nope", Context(run)));
    }

    private static Dictionary<TaskCommandKind, TaskCommandOption> Actions(EngineHarness run, string taskId) =>
        FlowEngine.Actions(run.Execution, taskId, Context(run))
            .Where(o => o.Kind != TaskCommandKind.ChooseBranch)
            .ToDictionary(o => o.Kind);

    private static EngineContext Context(EngineHarness run) => new(run.Time.GetUtcNow(), EngineHarness.Anna);

    private static EngineContext Context(DateTimeOffset now, JsonObject record) =>
        new(now, EngineHarness.Anna) { Facts = EngineContext.FactsFrom(record) };
}
