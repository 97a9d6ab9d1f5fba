using Workflows.Core.Dashboard;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Core.Flows;

/// <summary>A task's priority (0–100, in words Low/Medium/High/Critical) and its follow-up date, as the engine keeps them.</summary>
public sealed class PriorityAndFollowUpTests
{
    [Theory]
    [InlineData(0, TaskPriorityBand.Low)]
    [InlineData(24, TaskPriorityBand.Low)]
    [InlineData(25, TaskPriorityBand.Medium)]
    [InlineData(49, TaskPriorityBand.Medium)]
    [InlineData(50, TaskPriorityBand.High)]
    [InlineData(74, TaskPriorityBand.High)]
    [InlineData(75, TaskPriorityBand.Critical)]
    [InlineData(100, TaskPriorityBand.Critical)]
    public void A_priority_reads_as_the_word_of_its_band(int priority, TaskPriorityBand band)
    {
        Assert.Equal(band, TaskPriority.Band(priority));
        Assert.Equal($"{band} ({priority})", TaskPriority.Describe(priority));
        Assert.Equal(band, TaskPriority.Band(TaskPriority.LowestOf(band)));
        Assert.Equal(band, TaskPriority.Band(TaskPriority.HighestOf(band)));
        Assert.InRange(priority, TaskPriority.LowestOf(band), TaskPriority.HighestOf(band));
    }

    [Fact]
    public void A_dashboard_url_with_a_band_and_follow_ups_asks_for_that_range_and_round_trips()
    {
        var view = DashboardView.Parse(new Dictionary<string, string?> { ["priority"] = "HIGH", ["followups"] = "1", ["sort"] = "-priority" });

        var query = view.ToQuery(["u-anna"], null, EngineHarness.T0, TimeZoneInfo.Utc);

        Assert.Equal("sort=-priority&priority=high&followups=1", view.ToQueryString());
        Assert.Equal((50, 74), (query.PriorityFrom, query.PriorityTo));
        Assert.True(query.ShowFollowUps);
        Assert.False(query.HidesFollowUps);
        Assert.Equal(TaskSort.PriorityDescending, query.Sort);
        Assert.Equal("", DashboardView.Parse(new Dictionary<string, string?> { ["priority"] = "7" }).Priority);
        Assert.True(new DashboardView().ToQuery(["u-anna"], null, EngineHarness.T0, TimeZoneInfo.Utc).HidesFollowUps);
    }

    [Fact]
    public void The_scale_names_each_band_with_its_numbers() =>
        Assert.Equal("Low 0–24, Medium 25–49, High 50–74, Critical 75–100", TaskPriority.Scale);

    [Fact]
    public void A_task_starts_with_its_templates_priority_and_one_without_counts_as_the_default()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("urgent").With(t => t.Tasks[0].Priority = 90).WithTask("plain").Build());

        Assert.Equal(90, run.Task("urgent").Priority);
        Assert.Null(run.Task("plain").Priority);
        Assert.Equal(TaskPriority.Default, TaskPriority.Of(run.Task("plain")));
    }

    [Fact]
    public void Setting_a_priority_changes_the_task_and_writes_a_history_line_in_words()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a", "Check documents").Build());

        var result = run.Ok(new SetPriority("a", 80));

        Assert.Equal(80, run.Task("a").Priority);
        var line = Assert.Single(result.Events, e => e.Type == FlowEventType.TaskPriorityChanged);
        Assert.Equal("Anna set the priority of 'Check documents' to Critical (80)", line.Summary);
        Assert.Equal("a", line.TaskId);
        Assert.Contains("a", result.ChangedTaskIds);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void A_priority_outside_0_to_100_is_refused_and_changes_nothing(int priority)
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").Build());
        var version = run.Execution.Version;

        var result = run.Do(new SetPriority("a", priority));

        Assert.False(result.Succeeded);
        Assert.Equal(FlowErrorKind.Invalid, result.Error!.Kind);
        Assert.Contains("0 to 100", result.Error.Message, StringComparison.Ordinal);
        Assert.Null(run.Task("a").Priority);
        Assert.Equal(version, run.Execution.Version);
    }

    [Fact]
    public void A_template_with_a_priority_outside_0_to_100_does_not_validate()
    {
        var template = ATemplate().WithTask("a", "Call back").With(t => t.Tasks[0].Priority = 101).Build();

        var problems = Workflows.Core.Flows.Validation.FlowTemplateValidator.Validate(template, []);

        Assert.Contains(problems, p => p.Message.Contains("'Call back'", StringComparison.Ordinal) && p.Message.Contains("0 to 100", StringComparison.Ordinal));
    }

    [Fact]
    public void A_follow_up_date_is_set_and_cleared_with_a_history_line_each()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a", "Call back").Build());

        var set = run.Ok(new SetFollowUp("a", new DateOnly(2026, 12, 12)));
        Assert.Equal(new DateOnly(2026, 12, 12), run.Task("a").FollowUpDate);
        var line = Assert.Single(set.Events, e => e.Type == FlowEventType.TaskFollowUpChanged);
        Assert.Equal("Anna set 'Call back' to follow up on 2026-12-12", line.Summary);
        Assert.Equal("2026-12-12", line.Detail);

        var cleared = run.Ok(new SetFollowUp("a", null));
        Assert.Null(run.Task("a").FollowUpDate);
        Assert.Equal("Anna cleared the follow-up date of 'Call back'", Assert.Single(cleared.Events, e => e.Type == FlowEventType.TaskFollowUpChanged).Summary);
    }

    [Fact]
    public void A_follow_up_waits_until_its_day_and_is_back_on_that_day()
    {
        var day = new DateOnly(2026, 12, 12);

        Assert.True(TaskFollowUp.Waits(day, day.AddDays(-1)));
        Assert.False(TaskFollowUp.Waits(day, day));
        Assert.False(TaskFollowUp.Waits(day, day.AddDays(1)));
        Assert.False(TaskFollowUp.Waits(null, day));
    }

    [Fact]
    public void Priority_and_follow_up_of_a_closed_workflow_are_refused()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").Build());
        run.Ok(new CloseFlow([], null));

        Assert.False(run.Do(new SetPriority("a", 10)).Succeeded);
        Assert.False(run.Do(new SetFollowUp("a", new DateOnly(2026, 1, 1))).Succeeded);
    }

    [Fact]
    public void An_unknown_task_is_not_found()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("a").Build());

        Assert.Equal(FlowErrorKind.NotFound, run.Do(new SetPriority("nope", 10)).Error!.Kind);
        Assert.Equal(FlowErrorKind.NotFound, run.Do(new SetFollowUp("nope", null)).Error!.Kind);
    }
}
