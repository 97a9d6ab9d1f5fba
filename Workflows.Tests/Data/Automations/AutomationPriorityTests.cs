using Workflows.Core.Automations;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Automations;

/// <summary>The "set priority" action: an automation task raises the priority of a task of its workflow, as a person would.</summary>
public sealed class AutomationPriorityTests : IAsyncLifetime
{
    private AutomationHarness h = default!;

    public async Task InitializeAsync() => h = await AutomationHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task An_automation_task_sets_the_priority_of_the_named_task_with_a_history_line()
    {
        await h.SaveAsync("auto-escalate", "Escalate", [new AutomationTrigger { Type = AutomationTriggerType.Manual }],
            new AutomationAction { Type = AutomationActionType.SetPriority, Priority = 90, TaskId = "call" });
        var template = await h.SaveTemplateAsync(ATemplate("Escalation")
            .WithAutomation("escalate", TriggerMode.Automatic, "Escalate")
            .WithTask("call", "Call customer").Requires("escalate")
            .Chain("escalate", "call")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" };
            })
            .Build());

        var execution = await h.StartAsync(template.Id!, "contact-002");
        await h.RunJobsAsync();

        execution = await h.ExecutionAsync(execution.Id);
        Assert.Equal(90, execution.FindTask("call")!.Priority);
        Assert.Equal(StepStatus.COMPLETED, execution.FindTask("escalate")!.Status);
        var history = (await h.Executions.HistoryAsync(execution.Id, CancellationToken.None)).Select(e => e.Summary).ToList();
        Assert.Contains(history, s => s.EndsWith("set the priority of 'Call customer' to Critical (90)", StringComparison.Ordinal));
        var run = Assert.Single(await h.RunsAsync("auto-escalate"));
        Assert.Equal([ActionStatus.Succeeded], run.Actions.Select(a => a.Status));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(101)]
    public async Task A_set_priority_action_without_a_priority_of_0_to_100_is_refused_on_save(int? priority)
    {
        var saved = await h.Automations.SaveAsync(new Automation
        {
            Id = "auto-bad",
            Name = "Bad",
            Triggers = [new AutomationTrigger { Type = AutomationTriggerType.Manual }],
            Actions = [new AutomationAction { Type = AutomationActionType.SetPriority, Priority = priority }],
        }, null, AutomationHarness.Lena, CancellationToken.None);

        Assert.False(saved.Succeeded);
        Assert.Contains("Action 1 (Set a task's priority)", saved.Error, StringComparison.Ordinal);
    }
}
