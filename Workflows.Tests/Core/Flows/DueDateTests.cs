using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary>Fixed and dynamic due dates on each anchor, calendar dates versus instants, overrides.</summary>
public sealed class DueDateTests
{
    private static readonly DateTimeOffset T0 = EngineHarness.T0;

    [Fact]
    public void A_WORKFLOW_STARTED_due_date_in_days_is_a_calendar_date_from_the_start()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").Due(3, TimeUnit.Days, DueDateType.WORKFLOW_STARTED).Build());

        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2025, 3, 13)), run.Task("a").DueDate);
    }

    [Fact]
    public void Due_dates_in_hours_and_minutes_are_instants()
    {
        var run = EngineHarness.Start(ATemplate()
            .WithTask("h").Due(2, TimeUnit.Hours, DueDateType.WORKFLOW_STARTED)
            .WithTask("m").Due(90, TimeUnit.Minutes, DueDateType.WORKFLOW_STARTED)
            .Build());

        Assert.Equal(FlowDueDate.At(T0.AddHours(2)), run.Task("h").DueDate);
        Assert.Equal(FlowDueDate.At(T0.AddMinutes(90)), run.Task("m").DueDate);
    }

    [Fact]
    public void Weeks_and_months_are_calendar_dates()
    {
        var run = EngineHarness.Start(ATemplate()
            .WithTask("w").Due(2, TimeUnit.Weeks, DueDateType.WORKFLOW_STARTED)
            .WithTask("mo").Due(1, TimeUnit.Months, DueDateType.WORKFLOW_STARTED)
            .Build());

        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2025, 3, 24)), run.Task("w").DueDate);
        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2025, 4, 10)), run.Task("mo").DueDate);
    }

    [Fact]
    public void A_calendar_due_date_counts_from_the_day_in_the_tenant_zone_without_a_time_zone_shift()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var lateEvening = new DateTimeOffset(2025, 3, 10, 23, 30, 0, TimeSpan.Zero);

        var run = EngineHarness.Start(ATemplate().WithTask("a").Due(1, TimeUnit.Days, DueDateType.WORKFLOW_STARTED).Build(), zone: berlin, at: lateEvening);

        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2025, 3, 12)), run.Task("a").DueDate);
        Assert.Equal("2025-03-12", run.Task("a").DueDate!.ToString());
    }

    [Fact]
    public void A_TASK_FINISHED_due_date_is_pending_until_that_task_finishes()
    {
        var template = ATemplate()
            .WithTask("check", "Check documents")
            .WithTask("offer").Due(3, TimeUnit.Days, DueDateType.TASK_FINISHED, taskId: "check")
            .Build();
        var run = EngineHarness.Start(template);
        Assert.Null(run.Task("offer").DueDate);
        Assert.Equal("3 days after 'Check documents' is finished", PendingDueDate.Describe(run.Task("offer").DueDateConfig!, run.Execution));
        Assert.Equal("3 Tage nach Abschluss von „Check documents“",
            Workflows.Core.Localization.Languages.In("de", () => PendingDueDate.Describe(run.Task("offer").DueDateConfig!, run.Execution)));

        run.Time.Advance(TimeSpan.FromDays(1));
        run.Complete("check");

        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2025, 3, 14)), run.Task("offer").DueDate);
        Assert.Contains(run.Last.Events, e => e.Type == FlowEventType.TaskDueDateChanged && e.TaskId == "offer" && e.Detail == "2025-03-14");
        Assert.Contains("offer", run.Last.ChangedTaskIds);
    }

    [Fact]
    public void A_PHASE_FINISHED_due_date_counts_from_when_the_phase_completed()
    {
        var template = ATemplate().WithPhase("prep")
            .WithTask("a").InPhase("prep")
            .WithTask("b").Due(4, TimeUnit.Hours, DueDateType.PHASE_FINISHED, phaseId: "prep")
            .Build();
        var run = EngineHarness.Start(template);
        Assert.Null(run.Task("b").DueDate);

        run.Time.Advance(TimeSpan.FromHours(1));
        run.Complete("a");

        Assert.Equal(FlowDueDate.At(T0.AddHours(5)), run.Task("b").DueDate);
    }

    [Fact]
    public void An_A_PRECEDING_TASK_COMPLETED_due_date_counts_from_the_first_predecessor_to_finish()
    {
        var template = ATemplate().WithTask("a").WithTask("b")
            .WithTask("join").Due(1, TimeUnit.Hours, DueDateType.A_PRECEDING_TASK_COMPLETED)
            .Edge("a", "join").Edge("b", "join")
            .Build();
        var run = EngineHarness.Start(template);

        run.Time.Advance(TimeSpan.FromHours(1));
        run.Complete("a");
        run.Time.Advance(TimeSpan.FromHours(1));
        run.Complete("b");

        Assert.Equal(FlowDueDate.At(T0.AddHours(2)), run.Task("join").DueDate);
    }

    [Fact]
    public void An_ALL_PRECEDING_TASKS_COMPLETED_due_date_waits_for_the_last_predecessor()
    {
        var template = ATemplate().WithTask("a").WithTask("b")
            .WithTask("join").Due(1, TimeUnit.Hours, DueDateType.ALL_PRECEDING_TASKS_COMPLETED)
            .Edge("a", "join").Edge("b", "join")
            .Build();
        var run = EngineHarness.Start(template);

        run.Time.Advance(TimeSpan.FromHours(1));
        run.Complete("a");
        Assert.Null(run.Task("join").DueDate);
        run.Time.Advance(TimeSpan.FromHours(1));
        run.Complete("b");

        Assert.Equal(FlowDueDate.At(T0.AddHours(3)), run.Task("join").DueDate);
    }

    [Fact]
    public void Phase_and_workflow_due_dates_are_computed_too()
    {
        var template = ATemplate().WithPhase("prep").WithTask("a").InPhase("prep")
            .With(t =>
            {
                t.DueDateConfig = new DueDateConfig { Duration = 10, Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED };
                t.Phases![0].DueDateConfig = new DueDateConfig { Duration = 1, Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED };
            })
            .Build();

        var run = EngineHarness.Start(template);

        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2025, 3, 20)), run.Execution.DueDate);
        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2025, 3, 11)), run.Execution.Phases[0].DueDate);
    }

    [Fact]
    public void A_user_override_replaces_the_dynamic_due_date_and_a_clear_removes_both()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").Due(3, TimeUnit.Days, DueDateType.WORKFLOW_STARTED).Build());
        var fixedDate = FlowDueDate.At(new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero));

        run.Ok(new SetDueDate(FlowItemRef.Task("a"), fixedDate));
        Assert.Equal(fixedDate, run.Task("a").DueDate);
        Assert.Null(run.Task("a").DueDateConfig);
        Assert.Equal(FlowEventType.TaskDueDateChanged, run.Last.Events[0].Type);

        run.Ok(new SetDueDate(FlowItemRef.Task("a"), null));
        Assert.Null(run.Task("a").DueDate);
    }

    [Fact]
    public void Setting_a_dynamic_due_date_computes_it_when_its_anchor_already_happened()
    {
        var run = EngineHarness.Start(ATemplate().WithPhase("p").WithTask("a").InPhase("p").Build());

        run.Ok(new SetDueDate(FlowItemRef.Phase("p"), null, new DueDateConfig { Duration = 2, Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED }));

        Assert.Equal(FlowDueDate.OnDate(new DateOnly(2025, 3, 12)), run.Execution.Phases[0].DueDate);
    }

    [Fact]
    public void Overdue_means_due_in_the_past_a_calendar_date_from_the_next_day()
    {
        var due = FlowDueDate.OnDate(new DateOnly(2025, 3, 10));

        Assert.False(due.IsPast(new DateTimeOffset(2025, 3, 10, 23, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
        Assert.True(due.IsPast(new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
        Assert.True(FlowDueDate.At(T0).IsPast(T0.AddSeconds(1), TimeZoneInfo.Utc));
    }
}
