using Bunit.TestDoubles;
using Bunit;
using MudBlazor.Services;
using MudBlazor;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Core.Flows;
using Workflows.Web.Components.Entities.Sidebar;
using Workflows.Web.Components.Tasks;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Components.Sidebar;

public sealed class SidebarComponentTests : MudTestContext
{
    public SidebarComponentTests()
    {
        AddAuthorization().SetAuthorized("caseworker@workflows.demo");
    }

    private static EngineHarness Run() => EngineHarness.Start(ATemplate()
        .WithTask("docs", "Check documents")
        .WithTask("offer", "Send offer").Requires("docs").Due(3, TimeUnit.Days, DueDateType.TASK_FINISHED, taskId: "docs")
        .Chain("docs", "offer")
        .Build());

    private static readonly AssigneeNames Names = new([new Person("u-anna", "Anna", "anna@workflows.demo", null), new Person("u-lena", "Lena Schmidt", "lena@workflows.demo", null)], []);

    private IRenderedComponent<TaskItem> RenderTask(EngineHarness run, string taskId, DateTimeOffset? now = null) =>
        Render<TaskItem>(p => p
            .Add(t => t.Execution, run.Execution)
            .Add(t => t.Names, Names)
            .Add(t => t.Item, run.Execution.FindTask(taskId)!)
            .Add(t => t.Now, now ?? run.Time.GetUtcNow()));

    [Fact]
    public void A_locked_task_shows_a_lock_and_what_it_waits_for()
    {
        var run = Run();

        var task = RenderTask(run, "offer");

        Assert.Equal("true", task.Find(".wf-task").GetAttribute("data-locked"));
        Assert.Equal("Waits for: Check documents", task.Find("[data-testid=waits-for]").TextContent);
    }

    [Fact]
    public void A_decisions_menu_offers_its_branches_and_no_mark_as_done()
    {
        var popovers = Render<MudPopoverProvider>();
        var run = EngineHarness.Start(ATemplate()
            .WithDecision("size", TriggerMode.Manual, Branch("big"), Branch("small"))
            .WithTask("engineer").WithTask("self")
            .Edge("size", "engineer", condition: "big").Edge("size", "self", condition: "small")
            .Build());

        RenderTask(run, "size").Find("button[aria-label='Actions for size']").Click();

        var items = popovers.FindAll(".mud-menu-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Contains("Take branch \"big\"", items);
        Assert.Contains("Take branch \"small\"", items);
        Assert.Contains("Skip", items);
        Assert.DoesNotContain("Mark as done", items);
        Assert.DoesNotContain("Mark in progress", items);
    }

    [Fact]
    public void A_task_menu_closes_as_soon_as_its_item_opens_a_dialog_not_when_the_dialog_is_done()
    {
        var popovers = Render<MudPopoverProvider>();
        var run = Run();
        var dialogOpen = new TaskCompletionSource();
        var task = Render<TaskItem>(p => p
            .Add(t => t.Execution, run.Execution)
            .Add(t => t.Item, run.Execution.FindTask("docs")!)
            .Add(t => t.Now, run.Time.GetUtcNow())
            .Add(t => t.OnAction, (TaskAction _) => dialogOpen.Task));

        task.Find("button[aria-label='Actions for Check documents']").Click();
        popovers.FindAll(".mud-popover-open .mud-menu-item").Single(i => i.TextContent.Trim() == "Assign…").Click();

        popovers.WaitForAssertion(() => Assert.Empty(popovers.FindAll(".mud-popover-open .mud-menu-item")));
        dialogOpen.SetResult();
    }

    [Fact]
    public void A_locked_tasks_menu_shows_its_status_changes_disabled_and_hold_enabled()
    {
        var popovers = Render<MudPopoverProvider>();
        var run = Run();

        RenderTask(run, "offer").Find("button[aria-label='Actions for Send offer']").Click();

        var items = popovers.FindAll(".mud-menu-item");
        bool Disabled(string text) => items.Single(i => i.TextContent.Trim() == text).GetAttribute("aria-disabled") == "true";
        Assert.True(Disabled("Mark as done"));
        Assert.True(Disabled("Skip"));
        Assert.False(Disabled("Put on hold"));
    }

    [Fact]
    public void A_dynamic_due_date_whose_anchor_has_not_happened_reads_as_a_rule()
    {
        var run = Run();

        var task = RenderTask(run, "offer");

        Assert.Contains("Due 3 days after 'Check documents' is finished", task.Find("[data-testid=due]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_due_in_the_past_is_marked_overdue()
    {
        var run = Run();
        run.Do(new SetDueDate(FlowItemRef.Task("docs"), FlowDueDate.OnDate(new DateOnly(2025, 3, 5))));

        var task = RenderTask(run, "docs");

        var due = task.Find("[data-testid=due]");
        Assert.Contains("wf-overdue", due.ClassList);
        Assert.Contains("3/5/2025 · overdue", due.TextContent, StringComparison.Ordinal);
        Assert.Equal("false", task.Find(".wf-task").GetAttribute("data-locked"));
    }

    [Fact]
    public void A_finished_task_says_when_it_was_done_instead_of_its_due_date()
    {
        var run = Run();
        run.Do(new SetTaskStatus("docs", StepStatus.COMPLETED));

        var task = RenderTask(run, "docs");

        Assert.Equal("Done by Anna on 3/10/2025, 9:00 AM", task.Find("[data-testid=finished]").TextContent);
        Assert.Empty(task.FindAll("[data-testid=due]"));
    }

    [Fact]
    public void A_skipped_task_says_by_whom_and_a_finished_decision_says_which_branch_it_took()
    {
        var run = EngineHarness.Start(ATemplate()
            .WithTask("docs", "Check documents")
            .WithDecision("size", TriggerMode.Manual, Branch("big"), Branch("small"))
            .WithTask("engineer").WithTask("self")
            .Edge("docs", "size").Edge("size", "engineer", condition: "big").Edge("size", "self", condition: "small")
            .Build());
        run.Time.Advance(TimeSpan.FromMinutes(35));
        run.Do(new SetTaskStatus("docs", StepStatus.SKIPPED), new FlowActor("u-lena", "Lena Schmidt"));
        run.Do(new ChooseDecisionBranch("size", "small"), new FlowActor("u-lena", "Lena Schmidt"));

        var docs = RenderTask(run, "docs");
        var size = RenderTask(run, "size");
        var engineer = RenderTask(run, "engineer");

        Assert.Equal("Skipped by Lena Schmidt on 3/10/2025, 9:35 AM", docs.Find("[data-testid=finished]").TextContent);
        Assert.Equal("Took branch \"small\"", size.Find("[data-testid=branch-taken]").TextContent.Trim());
        Assert.Equal("Decided by Lena Schmidt on 3/10/2025, 9:35 AM", size.Find("[data-testid=finished]").TextContent);
        Assert.StartsWith("Skipped automatically on 3/10/2025, 9:35 AM · Its branch was not taken", engineer.Find("[data-testid=finished]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_task_list_follows_the_graph_so_a_workflow_that_starts_in_a_phase_lists_that_phase_first()
    {
        var run = EngineHarness.Start(ATemplate()
            .WithPhase("prep", "Preparation")
            .WithTask("report", "Final report")
            .WithTask("check", "Check documents").InPhase("prep")
            .Chain("check", "report")
            .Build());

        var card = Render<ExecutionCard>(p => p.Add(c => c.Execution, run.Execution).Add(c => c.Now, run.Time.GetUtcNow()));

        Assert.Equal(["check", "report"], card.FindAll("[data-task]").Select(t => t.GetAttribute("data-task")));
    }

    [Fact]
    public void The_bulk_summary_counts_successes_and_refusals()
    {
        BulkItemResult[] all = [new("x", "a", "A", true, null), new("x", "b", "B", true, null)];
        BulkItemResult[] mixed = [new("x", "a", "A", true, null), new("x", "b", "B", false, "'B' waits for: A")];

        Assert.Equal("All 2 tasks were updated.", BulkResultDialog.Summary(all));
        Assert.Equal("1 of 2 tasks were updated; 1 was refused.", BulkResultDialog.Summary(mixed));
    }

    [Fact]
    public async Task The_bulk_result_lists_each_refusal_with_its_reason()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        BulkItemResult[] results = [new("x", "a", "Check documents", true, null), new("x", "b", "Send offer", false, "'Send offer' waits for: Check documents")];

        await provider.InvokeAsync(() => dialogs.ShowAsync<BulkResultDialog>("Result", new DialogParameters<BulkResultDialog> { { d => d.Results, results } }));

        provider.WaitForAssertion(() => Assert.Contains("'Send offer' waits for: Check documents", provider.Markup, StringComparison.Ordinal));
        Assert.Contains("1 of 2 tasks were updated; 1 was refused.", provider.Find("[data-testid=bulk-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_with_single_selection_offers_radio_buttons_and_requires_one_reason()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        ClosingReasonRef[] reasons = [new() { Id = "r1", Title = "Customer cancelled" }, new() { Id = "r2", Title = "Duplicate request" }];

        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<CloseWorkflowDialog>("Close", new DialogParameters<CloseWorkflowDialog>
        {
            { d => d.Reasons, reasons },
            { d => d.Single, true },
        }));

        provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll("input[type=radio]").Count));
        Assert.Empty(provider.FindAll("input[type=checkbox]"));
        provider.FindAll("button").Single(b => b.TextContent.Contains("Close workflow", StringComparison.Ordinal)).Click();
        provider.WaitForAssertion(() => Assert.Contains("Choose the reason for closing.", provider.Markup, StringComparison.Ordinal));
        provider.FindAll("input[type=radio]")[1].Click();
        provider.WaitForAssertion(() => Assert.DoesNotContain("Choose the reason for closing.", provider.Markup, StringComparison.Ordinal));
        provider.FindAll("button").Single(b => b.TextContent.Contains("Close workflow", StringComparison.Ordinal)).Click();
        var result = await reference.Result;
        Assert.Equal(["r2"], ((CloseFlow)result!.Data!).ReasonIds);
    }

    [Fact]
    public async Task Closing_with_multiple_selection_offers_checkboxes_and_passes_every_chosen_reason()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        ClosingReasonRef[] reasons = [new() { Id = "r1", Title = "Customer cancelled" }, new() { Id = "r2", Title = "Duplicate request" }];

        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<CloseWorkflowDialog>("Close", new DialogParameters<CloseWorkflowDialog>
        {
            { d => d.Reasons, reasons },
            { d => d.Single, false },
        }));

        provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll("input[type=checkbox]").Count));
        Assert.Empty(provider.FindAll("input[type=radio]"));
        provider.FindAll("input[type=checkbox]")[0].Change(true);
        provider.FindAll("input[type=checkbox]")[1].Change(true);
        provider.FindAll("button").Single(b => b.TextContent.Contains("Close workflow", StringComparison.Ordinal)).Click();
        var result = await reference.Result;
        Assert.Equal(["r1", "r2"], ((CloseFlow)result!.Data!).ReasonIds);
    }
}
