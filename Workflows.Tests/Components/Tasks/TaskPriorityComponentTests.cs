using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Tests.Core.Flows;
using Workflows.Web.Components.Dashboard;
using Workflows.Web.Components.Tasks;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Components.Tasks;

/// <summary>How priority and follow-up show on a sidebar task, in the dashboard's grid and in its filter bar.</summary>
public sealed class TaskPriorityComponentTests : MudTestContext
{
    private static EngineHarness Run()
    {
        var run = EngineHarness.Start(ATemplate().WithTask("call", "Call customer").WithTask("mail", "Send letter").Build());
        run.Ok(new SetPriority("call", 80));
        run.Ok(new SetFollowUp("call", new DateOnly(2026, 12, 12)));
        return run;
    }

    private IRenderedComponent<TaskItem> RenderTask(EngineHarness run, string taskId, EventCallback<TaskAction>? onAction = null) =>
        Render<TaskItem>(p =>
        {
            p.Add(t => t.Execution, run.Execution).Add(t => t.Item, run.Execution.FindTask(taskId)!).Add(t => t.Now, run.Time.GetUtcNow());
            if (onAction is { } callback)
            {
                p.Add(t => t.OnAction, callback);
            }
        });

    [Fact]
    public void A_sidebar_task_shows_its_priority_in_words_and_its_follow_up_day()
    {
        var task = RenderTask(Run(), "call");

        var chip = task.Find("[data-testid=priority]");
        Assert.Equal("Critical (80)", chip.TextContent.Trim());
        Assert.Equal("80", chip.GetAttribute("data-priority"));
        Assert.Equal("Follow up on 12/12/2026", task.Find("[data-testid=follow-up]").TextContent.Trim());
    }

    [Fact]
    public void A_task_without_a_priority_or_follow_up_shows_neither()
    {
        var task = RenderTask(Run(), "mail");

        Assert.Empty(task.FindAll("[data-testid=priority]"));
        Assert.Empty(task.FindAll("[data-testid=follow-up]"));
    }

    [Fact]
    public void The_task_menu_offers_priority_and_follow_up_and_asks_for_them()
    {
        var popovers = Render<MudPopoverProvider>();
        var asked = new List<TaskActionKind>();
        var task = RenderTask(Run(), "mail", EventCallback.Factory.Create<TaskAction>(this, a => asked.Add(a.Kind)));

        task.Find("button[aria-label='Actions for Send letter']").Click();
        var items = popovers.FindAll(".mud-menu-item");
        Assert.Contains(items, i => i.TextContent.Trim() == "Follow-up date…");
        items.Single(i => i.TextContent.Trim() == "Priority…").Click();

        task.WaitForAssertion(() => Assert.Equal([TaskActionKind.Priority], asked));
    }

    [Fact]
    public void The_filter_bar_names_the_band_in_numbers_and_its_switch_asks_for_follow_ups()
    {
        Render<MudPopoverProvider>();
        DashboardView? asked = null;
        var bar = Render<TaskFilterBar>(p => p
            .Add(b => b.View, new DashboardView { Priority = "high" })
            .Add(b => b.ViewChanged, (DashboardView v) => asked = v));

        Assert.Contains(bar.FindAll("input"), i => i.GetAttribute("value") == "High (50–74)");
        bar.Find("input[role=switch][aria-label='Show tasks waiting for their follow-up date']").Change(true);

        Assert.NotNull(asked);
        Assert.True(asked!.FollowUps);
        Assert.Equal("high", asked.Priority);
    }

    [Fact]
    public void The_grid_shows_each_tasks_priority_and_a_follow_up_that_has_not_come_yet()
    {
        Services.AddSingleton(new FlowSettings());
        Services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero)));
        TaskListItem Item(string id, int priority, DateOnly? followUp) => new()
        {
            ExecutionId = "x1", TaskId = id, Name = id, TaskType = "MANUAL", Status = "PENDING", IsOpen = true, Enabled = true,
            WorkflowName = "Complaint", EntityId = "c-1", Priority = priority, FollowUpOn = followUp,
        };
        var page = new TaskListPage(2, 0, 25, [Item("call", 90, new DateOnly(2026, 12, 12)), Item("mail", 10, new DateOnly(2026, 12, 4))]);

        var grid = Render<TaskGrid>(p => p.Add(g => g.Tasks, page).Add(g => g.View, new DashboardView()));

        Assert.Equal(["Critical (90)", "Low (10)"], grid.FindAll("[data-testid=priority]").Select(c => c.TextContent.Trim()));
        var followUp = Assert.Single(grid.FindAll("[data-testid=follow-up]"));
        Assert.Equal("Follow up on 12/12/2026", followUp.TextContent.Trim());
    }
}
