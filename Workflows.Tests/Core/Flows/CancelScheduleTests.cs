using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

public sealed class CancelScheduleTests
{
    private static EngineHarness Run() => EngineHarness.Start(ATemplate()
        .WithAutomation("mail")
        .WithTask("call", "Call customer")
        .Chain("mail", "call")
        .Build());

    [Fact]
    public void Cancelling_a_scheduled_automation_skips_it_and_the_workflow_moves_on()
    {
        var run = Run();
        Assert.Equal(StepStatus.SCHEDULED, run.Status("mail"));

        run.Ok(new CancelSchedule("mail"));

        Assert.Equal(StepStatus.SKIPPED, run.Status("mail"));
        Assert.Equal("Anna cancelled its scheduled run.", run.Task("mail").StatusReason);
        Assert.Equal(["call"], run.Current);
        Assert.Contains(FlowEventType.AutomationScheduleCancelled, run.LastEventTypes);
        Assert.Contains(FlowEventType.TaskSkipped, run.LastEventTypes);
    }

    [Fact]
    public void Only_a_scheduled_automation_has_a_run_to_cancel()
    {
        var run = Run();
        run.Ok(new CancelSchedule("mail"));

        var again = run.Do(new CancelSchedule("mail"));
        var manual = run.Do(new CancelSchedule("call"));
        var missing = run.Do(new CancelSchedule("nope"));

        Assert.Equal(FlowErrorKind.Conflict, again.Error!.Kind);
        Assert.Equal("'mail' is skipped, not scheduled; there is no run to cancel.", again.Error.Message);
        Assert.Equal(FlowErrorKind.Invalid, manual.Error!.Kind);
        Assert.Equal(FlowErrorKind.NotFound, missing.Error!.Kind);
    }

    [Fact]
    public void A_due_date_rule_past_the_calendars_end_is_refused()
    {
        var run = Run();

        var result = run.Do(new SetDueDate(FlowItemRef.Task("call"), null, new DueDateConfig { Duration = 1e300, Unit = TimeUnit.Months, Type = DueDateType.WORKFLOW_STARTED }));

        Assert.Equal(FlowErrorKind.Invalid, result.Error!.Kind);
        Assert.Null(run.Task("call").DueDateConfig);
    }
}
