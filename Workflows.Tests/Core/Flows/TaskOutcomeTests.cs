using System.Text.Json.Nodes;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary>What a finished task says about how it ended: who, when, which branch.</summary>
public sealed class TaskOutcomeTests
{
    private static readonly FlowActor Lena = new("u-lena", "Lena Schmidt");

    private static TemplateBuilder Decision(TriggerMode mode) => ATemplate()
        .WithTask("check")
        .WithDecision("size", mode,
            Branch("big", When("kwp", "number", Operator.GreaterThan, "10")),
            Branch("small", When("kwp", "number", Operator.LessThanOrEquals, "10")))
        .WithTask("engineer").WithTask("self").WithTask("review")
        .Edge("check", "size").Edge("size", "engineer", condition: "big").Edge("size", "self", condition: "small")
        .Edge("size", "review", noneMet: true);

    [Fact]
    public void A_done_task_says_who_finished_it_and_when()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("check").WithTask("next").Chain("check", "next").Build());
        run.Time.Advance(TimeSpan.FromMinutes(5));

        run.Do(new SetTaskStatus("check", StepStatus.COMPLETED), Lena);

        var outcome = TaskOutcome.Of(run.Execution, "check")!;
        Assert.Equal((StepStatus.COMPLETED, EngineHarness.T0.AddMinutes(5), "u-lena"), (outcome.Status, outcome.At, outcome.ById));
        Assert.Empty(outcome.Branches);
        Assert.Null(TaskOutcome.Of(run.Execution, "next"));
    }

    [Fact]
    public void A_skipped_task_says_who_skipped_it_and_a_task_on_a_branch_not_taken_names_nobody()
    {
        var run = EngineHarness.Start(Decision(TriggerMode.Automatic).Build(), new JsonObject { ["kwp"] = 12 });

        run.Do(new SetTaskStatus("check", StepStatus.SKIPPED), Lena);

        Assert.Equal("u-lena", TaskOutcome.Of(run.Execution, "check")!.ById);
        Assert.Equal(StepStatus.SKIPPED, TaskOutcome.Of(run.Execution, "self")!.Status);
        Assert.Null(TaskOutcome.Of(run.Execution, "self")!.ById);
    }

    [Fact]
    public void A_task_an_automation_finished_names_nobody()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("check").Build());

        run.Do(new SetTaskStatus("check", StepStatus.COMPLETED), new FlowActor("automation:send-offer", "Automation \"Send offer\""));

        Assert.Null(TaskOutcome.Of(run.Execution, "check")!.ById);
    }

    [Fact]
    public void An_automatic_decision_names_the_branch_it_took_and_nobody_as_deciding()
    {
        var run = EngineHarness.Start(Decision(TriggerMode.Automatic).Build(), new JsonObject { ["kwp"] = 12 });

        run.Do(new SetTaskStatus("check", StepStatus.COMPLETED), Lena);

        var outcome = TaskOutcome.Of(run.Execution, "size")!;
        Assert.Equal(["big"], outcome.Branches);
        Assert.False(outcome.TookDefault);
        Assert.Null(outcome.ById);
    }

    [Fact]
    public void A_decision_chosen_by_hand_names_the_branch_and_the_person()
    {
        var run = EngineHarness.Start(Decision(TriggerMode.Manual).Build());
        run.Complete("check");

        run.Do(new ChooseDecisionBranch("size", "small"), Lena);

        var outcome = TaskOutcome.Of(run.Execution, "size")!;
        Assert.Equal((StepStatus.COMPLETED, "u-lena", false), (outcome.Status, outcome.ById, outcome.TookDefault));
        Assert.Equal(["small"], outcome.Branches);
    }

    [Fact]
    public void A_decision_that_met_no_branch_took_the_default()
    {
        var run = EngineHarness.Start(Decision(TriggerMode.Automatic).Build(), new JsonObject());

        run.Complete("check");

        var outcome = TaskOutcome.Of(run.Execution, "size")!;
        Assert.Empty(outcome.Branches);
        Assert.True(outcome.TookDefault);
    }
}
