using System.Text.Json.Nodes;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary>Decisions and loops, and dead-path elimination: tasks left with only dead incoming edges are skipped.</summary>
public sealed class DecisionTests
{
    /// <summary>check → size? (big: engineer, small: self) → both join in "install"; default optional.</summary>
    private static TemplateBuilder SizeDecision(bool withDefault = false, TriggerMode mode = TriggerMode.Automatic)
    {
        var builder = ATemplate()
            .WithTask("check", "Check documents")
            .WithDecision("size", mode,
                Branch("big", When("kwp", "number", Operator.GreaterThan, "10")),
                Branch("small", When("kwp", "number", Operator.LessThanOrEquals, "10")))
            .WithTask("engineer", "Send engineer")
            .WithTask("self", "Self installation")
            .WithTask("install", "Install")
            .Edge("check", "size")
            .Edge("size", "engineer", condition: "big")
            .Edge("size", "self", condition: "small")
            .Edge("engineer", "install")
            .Edge("self", "install");
        if (withDefault)
        {
            builder.WithTask("review", "Manual review").Edge("size", "review", noneMet: true).Edge("review", "install");
        }

        return builder;
    }

    [Fact]
    public void An_automatic_decision_takes_the_branch_that_holds_and_records_each_evaluation()
    {
        var run = EngineHarness.Start(SizeDecision().Build(), new JsonObject { ["kwp"] = 12 });

        run.Complete("check");

        var decision = run.Task("size");
        Assert.Equal(StepStatus.COMPLETED, decision.Status);
        Assert.Equal([true, false], decision.Conditions!.Select(c => c.IsMet!.Value));
        Assert.All(decision.Conditions!, c => Assert.Equal(EngineHarness.T0, c.EvaluatedAt));
        Assert.Equal(["engineer"], run.Current);
        Assert.Contains(run.Last.Events, e => e.Type == FlowEventType.DecisionEvaluated && e.Summary == "Decision 'size' took 'big'");
    }

    [Fact]
    public void A_join_after_a_decision_does_not_wait_for_the_branch_not_taken()
    {
        var run = EngineHarness.Start(SizeDecision().Build(), new JsonObject { ["kwp"] = 12 });
        run.Complete("check");

        Assert.Equal(StepStatus.SKIPPED, run.Status("self"));
        Assert.True(run.Task("self").SkippedAutomatically);
        Assert.Null(run.Task("self").Analytics.SkippedBy);

        run.Complete("engineer");

        Assert.Equal(["install"], run.Current);
    }

    [Fact]
    public void The_default_branch_is_taken_when_no_condition_holds()
    {
        var run = EngineHarness.Start(SizeDecision(withDefault: true).Build(), new JsonObject());

        run.Complete("check");

        Assert.Equal(StepStatus.COMPLETED, run.Status("size"));
        Assert.Equal(["review"], run.Current);
        Assert.Equal(StepStatus.SKIPPED, run.Status("engineer"));
        Assert.Equal(StepStatus.SKIPPED, run.Status("self"));
    }

    [Fact]
    public void A_decision_with_no_branch_met_and_no_default_fails_with_a_visible_reason()
    {
        var run = EngineHarness.Start(SizeDecision().Build(), new JsonObject { ["kwp"] = "lots" });

        run.Complete("check");

        var decision = run.Task("size");
        Assert.Equal(StepStatus.FAILED, decision.Status);
        Assert.Equal("No branch of 'size' is met and it has no default branch.", decision.StatusReason);
        Assert.Equal(["size"], run.Current);
        Assert.Contains(run.Last.Events, e => e.Type == FlowEventType.TaskFailed);
    }

    [Fact]
    public void A_failed_decision_is_evaluated_again_on_retry()
    {
        var run = EngineHarness.Start(SizeDecision().Build(), new JsonObject());
        run.Complete("check");
        Assert.Equal(StepStatus.FAILED, run.Status("size"));

        run.Record["kwp"] = 4;
        run.Ok(new RetryTask("size"));

        Assert.Equal(StepStatus.COMPLETED, run.Status("size"));
        Assert.Equal(["self"], run.Current);
    }

    [Fact]
    public void Every_branch_that_holds_is_taken_by_default()
    {
        var template = ATemplate()
            .WithDecision("d", Branch("a", When("x", Operator.IsNotEmpty)), Branch("b", When("y", Operator.IsNotEmpty)))
            .WithTask("ta").WithTask("tb")
            .Edge("d", "ta", "a").Edge("d", "tb", "b")
            .Build();

        var run = EngineHarness.Start(template, new JsonObject { ["x"] = "1", ["y"] = "2" });

        Assert.Equal(["ta", "tb"], run.Current);
    }

    [Fact]
    public void Without_parallel_execution_only_the_first_branch_that_holds_is_taken()
    {
        var template = ATemplate()
            .WithDecision("d", Branch("a", When("x", Operator.IsNotEmpty)), Branch("b", When("y", Operator.IsNotEmpty))).Sequential()
            .WithTask("ta").WithTask("tb")
            .Edge("d", "ta", "a").Edge("d", "tb", "b")
            .Build();

        var run = EngineHarness.Start(template, new JsonObject { ["x"] = "1", ["y"] = "2" });

        Assert.Equal(["ta"], run.Current);
        Assert.Equal(StepStatus.SKIPPED, run.Status("tb"));
    }

    [Fact]
    public void A_manual_decision_waits_for_a_user_to_choose_the_branch()
    {
        var run = EngineHarness.Start(SizeDecision(mode: TriggerMode.Manual).Build(), new JsonObject { ["kwp"] = 12 });
        run.Complete("check");
        Assert.Equal(StepStatus.CONDITION_PENDING, run.Status("size"));
        Assert.Equal(["size"], run.Current);

        run.Ok(new ChooseDecisionBranch("size", "small"));

        Assert.Equal(StepStatus.COMPLETED, run.Status("size"));
        Assert.Equal(["self"], run.Current);
        Assert.Equal(StepStatus.SKIPPED, run.Status("engineer"));
        Assert.Equal("small", run.Last.Events.First(e => e.Type == FlowEventType.DecisionEvaluated).Detail);
    }

    [Fact]
    public void Choosing_a_branch_the_decision_does_not_have_is_not_found()
    {
        var run = EngineHarness.Start(SizeDecision(mode: TriggerMode.Manual).Build());
        run.Complete("check");

        var result = run.Do(new ChooseDecisionBranch("size", "huge"));

        Assert.Equal(FlowErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal("Decision 'size' has no branch 'huge'.", result.Error.Message);
    }

    [Fact]
    public void A_decision_cannot_be_completed_like_a_task()
    {
        var run = EngineHarness.Start(SizeDecision(mode: TriggerMode.Manual).Build());
        run.Complete("check");

        Assert.Equal("'size' is a decision: choose one of its branches.", run.Do(new SetTaskStatus("size", StepStatus.COMPLETED)).Error!.Message);
    }

    [Fact]
    public void Skipping_a_decision_takes_its_default_branch()
    {
        var run = EngineHarness.Start(SizeDecision(withDefault: true, mode: TriggerMode.Manual).Build());
        run.Complete("check");

        run.Skip("size");

        Assert.Equal(["review"], run.Current);
    }

    [Fact]
    public void Reverting_to_before_a_decision_evaluates_it_again()
    {
        var run = EngineHarness.Start(SizeDecision().Build(), new JsonObject { ["kwp"] = 12 });
        run.Complete("check");
        run.Record["kwp"] = 3;

        run.Ok(new SetTaskStatus("check", StepStatus.PENDING, RevertExecution: true));
        Assert.Equal(StepStatus.PENDING, run.Status("size"));
        Assert.Null(run.Task("size").Conditions![0].IsMet);
        run.Complete("check");

        Assert.Equal(["self"], run.Current);
    }

    /// <summary>work → check? (again: back to work, done: finish).</summary>
    private static FlowTemplate LoopFlow(int max, TriggerMode mode = TriggerMode.Automatic) => ATemplate()
        .WithTask("work", "Fix defects")
        .WithDecision("check", mode, Branch("again", When("defects", Operator.IsNotEmpty)), Branch("done", When("defects", Operator.IsEmpty)))
        .Looping("again", "done", max)
        .WithTask("finish", "Hand over")
        .Edge("work", "check").Edge("check", "work", "again").Edge("check", "finish", "done")
        .Build();

    [Fact]
    public void A_loop_branch_is_re_entered_and_counts_its_iterations()
    {
        var run = EngineHarness.Start(LoopFlow(3), new JsonObject { ["defects"] = "scratches" });

        run.Complete("work");

        Assert.Equal(StepStatus.PENDING, run.Status("work"));
        Assert.Equal(["work"], run.Current);
        Assert.Equal(1, run.Task("check").LoopConfig!.CrtIterations);
        Assert.Equal(1, run.Task("work").LoopConfig!.CrtIterations);
        Assert.Contains(run.Last.Events, e => e.Type == FlowEventType.LoopIterationStarted && e.Summary == "Back to 'Fix defects' (repeat 1 of 3)");

        run.Record.Remove("defects");
        run.Complete("work");

        Assert.Equal(["finish"], run.Current);
    }

    [Fact]
    public void A_loop_stops_at_max_iterations_and_takes_the_exit_branch()
    {
        var run = EngineHarness.Start(LoopFlow(2), new JsonObject { ["defects"] = "always" });

        run.Complete("work");
        run.Complete("work");
        run.Complete("work");

        Assert.Equal(2, run.Task("check").LoopConfig!.CrtIterations);
        Assert.Equal(StepStatus.COMPLETED, run.Status("check"));
        Assert.Equal("The loop ran 2 times, its limit, so the exit branch was taken.", run.Task("check").StatusReason);
        Assert.Equal(["finish"], run.Current);
    }

    [Fact]
    public void A_manual_loop_branch_is_refused_once_the_limit_is_reached()
    {
        var run = EngineHarness.Start(LoopFlow(1, TriggerMode.Manual));
        run.Complete("work");
        run.Ok(new ChooseDecisionBranch("check", "again"));
        run.Complete("work");

        var result = run.Do(new ChooseDecisionBranch("check", "again"));

        Assert.Equal("The loop of 'check' already ran 1 times, its limit; choose another branch.", result.Error!.Message);
        run.Ok(new ChooseDecisionBranch("check", "done"));
        Assert.Equal(["finish"], run.Current);
    }
}
