using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.Automations;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Automations;

/// <summary>
/// The "set follow-up" action: an automation task puts a task of its workflow on follow-up some days from today in the
/// tenant's calendar (or clears it), as a person would, with the engine's history line.
/// </summary>
public sealed class AutomationFollowUpTests : IAsyncLifetime
{
    private AutomationHarness h = default!;

    public async Task InitializeAsync()
    {
        h = await AutomationHarness.StartAsync(services => services.AddSingleton(
            new FlowSettings { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") }));
        // 23:30 UTC is already the next day in Berlin: "in 3 days" counts from the tenant's today, 28 November.
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));
    }

    public async Task DisposeAsync() => await h.DisposeAsync();

    private async Task<FlowExecution> RunAsync(int days)
    {
        await h.SaveAsync("auto-later", "Later", [new AutomationTrigger { Type = AutomationTriggerType.Manual }],
            new AutomationAction { Type = AutomationActionType.SetFollowUp, FollowUpDays = days, TaskId = "call" });
        var template = await h.SaveTemplateAsync(ATemplate("Call back later")
            .WithAutomation("later", TriggerMode.Automatic, "Later")
            .WithTask("call", "Call customer")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" };
            })
            .Build());

        var execution = await h.StartAsync(template.Id!, "contact-002");
        await h.RunJobsAsync();
        return await h.ExecutionAsync(execution.Id);
    }

    [Fact]
    public async Task An_automation_task_puts_the_named_task_on_follow_up_days_from_the_tenants_today()
    {
        var execution = await RunAsync(3);

        Assert.Equal(new DateOnly(2026, 12, 1), execution.FindTask("call")!.FollowUpDate);
        var history = (await h.Executions.HistoryAsync(execution.Id, CancellationToken.None)).Select(e => e.Summary).ToList();
        Assert.Contains(history, s => s.EndsWith("set 'Call customer' to follow up on 2026-12-01", StringComparison.Ordinal));
        var run = Assert.Single(await h.RunsAsync("auto-later"));
        Assert.Equal([ActionStatus.Succeeded], run.Actions.Select(a => a.Status));
        Assert.Equal("\"Call customer\" follows up on 2026-12-01.", run.Actions[0].Message);
    }

    [Fact]
    public async Task Zero_days_clears_the_follow_up_date()
    {
        var execution = await RunAsync(0);

        Assert.Null(execution.FindTask("call")!.FollowUpDate);
        Assert.Equal("Follow-up date of \"Call customer\" cleared.", Assert.Single(await h.RunsAsync("auto-later")).Actions[0].Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-1)]
    [InlineData(366)]
    public async Task A_follow_up_action_without_0_to_365_days_is_refused_on_save(int? days)
    {
        var saved = await h.Automations.SaveAsync(new Automation
        {
            Id = "auto-bad",
            Name = "Bad",
            Triggers = [new AutomationTrigger { Type = AutomationTriggerType.Manual }],
            Actions = [new AutomationAction { Type = AutomationActionType.SetFollowUp, FollowUpDays = days }],
        }, null, AutomationHarness.Lena, CancellationToken.None);

        Assert.False(saved.Succeeded);
        Assert.Contains("Action 1 (Put a task on follow-up): give the follow-up in days, 1 to 365 (0 clears it).", saved.Error, StringComparison.Ordinal);
    }
}
