using System.Text.Json.Nodes;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary><see cref="TaskExecution"/>: what "execute this task now" sends, chosen among the task's actions.</summary>
public sealed class TaskExecutionTests
{
    private readonly EngineHarness run = EngineHarness.Start(ATemplate()
        .WithTask("check", "Check documents")
        .WithDecision("size", Branch("big", When("kwp", "number", Operator.GreaterThan, "10")))
        .WithAutomation("notify", TriggerMode.Manual, "Notify customer")
        .Edge("check", "size")
        .Build(), new JsonObject());

    [Fact]
    public void An_automation_task_runs_its_automation_with_the_engines_verdict()
    {
        var option = Executing("notify");

        Assert.Equal(TaskCommandKind.RunAutomation, option.Kind);
        Assert.Equal(new AutomationStarted("notify"), option.Command);
        Assert.True(option.Allowed);
    }

    [Fact]
    public void A_failed_decision_is_evaluated_again_and_one_that_did_not_fail_is_decided_by_a_branch()
    {
        var waiting = TaskExecution.Of(run.Execution, "size", Context());
        run.Complete("check");

        var failed = Executing("size");

        Assert.Equal("'size' is decided by choosing a branch: PATCH the task with 'next_condition_id'.", waiting.Error);
        Assert.Equal(StepStatus.FAILED, run.Status("size"));
        Assert.Equal((TaskCommandKind.Retry, true), (failed.Kind, failed.Allowed));
    }

    [Fact]
    public void A_persons_task_is_refused_with_how_to_move_it_and_an_unknown_task_is_not_found()
    {
        var manual = TaskExecution.Of(run.Execution, "check", Context());
        var unknown = TaskExecution.Of(run.Execution, "nope", Context());

        Assert.Equal("'Check documents' is done by a person: PATCH its status to IN_PROGRESS or COMPLETED.", manual.Error);
        Assert.Equal(RefusalKind.NotFound, unknown.Refusal?.Kind);
    }

    private TaskCommandOption Executing(string taskId)
    {
        var option = TaskExecution.Of(run.Execution, taskId, Context());
        Assert.True(option.Succeeded, option.Error);
        return option.Value;
    }

    private EngineContext Context() => new(run.Time.GetUtcNow(), EngineHarness.Anna);
}
