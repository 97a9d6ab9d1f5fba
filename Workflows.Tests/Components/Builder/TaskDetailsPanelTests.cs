using Bunit;
using Microsoft.AspNetCore.Components;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Web.Components.Builder;

namespace Workflows.Tests.Components.Builder;

/// <summary>The task details panel writes each field into the task as the user edits it.</summary>
public sealed class TaskDetailsPanelTests : BuilderComponentContext
{
    private static readonly BuilderLookups Lookups = new(
        [new Person("u-lena", "Lena Schmidt", "lena@workflows.test", null), new Person("u-jonas", "Jonas Becker", "jonas@workflows.test", null)],
        [new Partner { Id = "p-solartech", Name = "SolarTech Montage GmbH" }],
        [new EntitySchema
        {
            Slug = "opportunity", Name = "Opportunity", Plural = "Opportunities", TitleTemplate = "{{title}}",
            Attributes =
            [
                new() { Name = "title", Label = "Title", Type = AttributeType.Text },
                new() { Name = "amount", Label = "Amount", Type = AttributeType.Number },
                new() { Name = "expected_close", Label = "Expected close", Type = AttributeType.Date },
                new() { Name = "owner", Label = "Owner", Type = AttributeType.User },
            ],
        }],
        [])
    {
        Automations =
        [
            new() { Id = "auto-welcome-mail", Name = "Send welcome e-mail", Description = "Mails the new customer their welcome pack." },
            new() { Id = "auto-order-confirmation", Name = "Order confirmation", Enabled = false },
        ],
        Journeys =
        [
            new JourneySummary("journey-upload", "Upload documents", "opportunity", 2, 4, DateTimeOffset.UnixEpoch, null, 0),
            new JourneySummary("journey-survey", "Site survey", "opportunity", 1, 6, DateTimeOffset.UnixEpoch, null, 0),
        ],
    };

    private readonly FlowTask check = new() { Id = "check", Name = "Check documents" };
    private readonly FlowTask mail = new() { Id = "mail", Name = "Send mail", TaskType = TaskType.AUTOMATION };
    private readonly List<FlowPhase> phases = [new() { Id = "prep", Name = "Preparation" }, new() { Id = "install", Name = "Installation" }];
    private int changes;
    private string? movedTo = "unset";

    [Fact]
    public void Renaming_the_task_writes_the_name_and_reports_the_change()
    {
        var page = RenderPanel(check);

        Field(page, "Name").Change("Check all documents");

        Assert.Equal("Check all documents", check.Name);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void The_description_is_written_as_markdown_with_its_toggle_and_previewed()
    {
        var page = RenderPanel(check);

        Field(page, "Description (Markdown)").Change("Look at **everything**");
        page.WaitForAssertion(() => Assert.Contains("<strong>everything</strong>", page.Markup, StringComparison.Ordinal));
        Toggle(page, "Show the description on the task");

        Assert.Equal("Look at **everything**", check.Description!.Value);
        Assert.False(check.Description.Enabled);
    }

    [Fact]
    public void A_dynamic_due_date_counts_from_the_chosen_task()
    {
        var page = RenderPanel(mail);

        Choose(page, "Due date", "Dynamic (after an event)");
        page.WaitForAssertion(() => Field(page, "Duration").Change("3"));
        Choose(page, "Unit", "hours");
        Choose(page, "Counted from when", "a task finished");
        page.WaitForAssertion(() => Choose(page, "Which task", "Check documents"));

        Assert.Null(mail.DueDate);
        Assert.Equal(new DueDateConfig { Duration = 3, Unit = TimeUnit.Hours, Type = DueDateType.TASK_FINISHED, TaskId = "check" }, mail.DueDateConfig);
    }

    [Fact]
    public void Choosing_no_due_date_clears_it()
    {
        check.DueDateConfig = new DueDateConfig { Duration = 2, Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED };
        var page = RenderPanel(check);

        Choose(page, "Due date", "No due date");

        Assert.Null(check.DueDateConfig);
        Assert.Null(check.DueDate);
    }

    [Fact]
    public void An_automation_task_takes_its_automation_trigger_mode_and_delay()
    {
        var page = RenderPanel(mail);

        Choose(page, "Automation to run", "Send welcome e-mail");
        Choose(page, "Runs", "When a user runs it");
        Choose(page, "Schedule", "After a delay");
        page.WaitForAssertion(() => Field(page, "Wait").Change("2"));
        Choose(page, "Unit of the wait", "days");

        Assert.Equal("auto-welcome-mail", mail.AutomationConfig!.FlowId);
        Assert.Equal(TriggerMode.Manual, mail.TriggerMode);
        Assert.Equal(new ActionSchedule { Mode = ScheduleMode.Delayed, Duration = 2, Unit = TimeUnit.Days }, mail.Schedule);
    }

    [Fact]
    public void A_relative_schedule_counts_from_a_date_attribute_of_the_record()
    {
        var page = RenderPanel(mail);

        Choose(page, "Schedule", "Relative to a date on the record");
        page.WaitForAssertion(() => Choose(page, "Date on the record", "Expected close"));
        Choose(page, "Before or after", "after");

        Assert.Equal(ScheduleMode.Relative, mail.Schedule!.Mode);
        Assert.Equal("after", mail.Schedule.Direction);
        Assert.Equal(("opportunity", "expected_close"), (mail.Schedule.Reference!.Schema, mail.Schedule.Reference.Attribute));
    }

    [Fact]
    public void A_journey_is_set_and_may_complete_the_task_by_itself()
    {
        var page = RenderPanel(check);

        Choose(page, "Journey to open", "Upload documents");
        page.WaitForAssertion(() => Toggle(page, "Complete the task when the journey is submitted"));

        Assert.Equal("journey-upload", check.Journey!.JourneyId);
        Assert.False(check.Journey.CompleteTaskAutomatically);
    }

    [Fact]
    public void The_automation_picker_lists_the_automations_by_name_with_their_description()
    {
        var page = RenderPanel(mail);

        Open(page, "Automation to run");

        Assert.Equal(
            [("None", null), ("Send welcome e-mail", "Mails the new customer their welcome pack."), ("Order confirmation", "Switched off.")],
            Offered(page));
    }

    [Fact]
    public void Choosing_none_clears_the_automation()
    {
        mail.AutomationConfig = new AutomationConfig { FlowId = "auto-welcome-mail" };
        var page = RenderPanel(mail);
        Assert.Equal("Send welcome e-mail", Shown(page, "Automation to run").Shown);

        Choose(page, "Automation to run", "None");

        Assert.Null(mail.AutomationConfig!.FlowId);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void An_automation_that_no_longer_exists_is_shown_as_unknown_and_kept()
    {
        mail.AutomationConfig = new AutomationConfig { FlowId = "auto-deleted" };
        var page = RenderPanel(mail);

        Assert.Equal(
            ("Unknown automation 'auto-deleted'", "This automation no longer exists. Choose another one or None."),
            Shown(page, "Automation to run"));
        Choose(page, "Runs", "When a user runs it");
        Open(page, "Automation to run");
        Assert.Single(Options(page, "Unknown automation 'auto-deleted'"));

        Assert.Equal("auto-deleted", mail.AutomationConfig.FlowId);
    }

    [Fact]
    public void Choosing_another_automation_replaces_one_that_no_longer_exists()
    {
        mail.AutomationConfig = new AutomationConfig { FlowId = "auto-deleted" };
        var page = RenderPanel(mail);

        Choose(page, "Automation to run", "Order confirmation");

        Assert.Equal("auto-order-confirmation", mail.AutomationConfig!.FlowId);
        page.WaitForAssertion(() => Assert.Equal(("Order confirmation", ""), Shown(page, "Automation to run")));
    }

    [Fact]
    public void Without_automations_the_picker_points_to_where_they_are_made()
    {
        var page = RenderPanel(mail, Lookups with { Automations = [] });

        var empty = page.FindAll(".wf-choice-empty").Single();
        Assert.Equal("No automations yet — create one under Automations.", string.Join(' ', empty.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("/automations", empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("None", Shown(page, "Automation to run").Shown);
    }

    [Fact]
    public void The_journey_picker_lists_the_journeys_with_their_record_type()
    {
        var page = RenderPanel(check);

        Open(page, "Journey to open");

        Assert.Equal(
            [("None", null), ("Upload documents", "Opportunity · 2 steps"), ("Site survey", "Opportunity · 1 step")],
            Offered(page));
        Assert.Empty(page.FindAll(".wf-choice-empty"));
    }

    [Fact]
    public void Choosing_none_removes_the_journey()
    {
        check.Journey = new TaskJourney { JourneyId = "journey-survey", CompleteTaskAutomatically = true };
        var page = RenderPanel(check);
        Assert.Equal("Site survey", Shown(page, "Journey to open").Shown);

        Choose(page, "Journey to open", "None");

        Assert.Null(check.Journey);
    }

    [Fact]
    public void A_journey_that_no_longer_exists_is_shown_as_unknown_and_kept()
    {
        check.Journey = new TaskJourney { JourneyId = "journey-deleted", CompleteTaskAutomatically = true };
        var page = RenderPanel(check);

        Assert.Equal(
            ("Unknown journey 'journey-deleted'", "This journey no longer exists. Choose another one or None."),
            Shown(page, "Journey to open"));
        Assert.Equal("journey-deleted", check.Journey.JourneyId);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Required_tasks_and_phases_become_requirements()
    {
        var page = RenderPanel(mail);

        Choose(page, "Required tasks", "Check documents");
        Choose(page, "Required phases", "Preparation");

        Assert.Equal(
            [new EnableRequirement { TaskId = "check", When = RequirementWhen.TASK_FINISHED }, new EnableRequirement { PhaseId = "prep", When = RequirementWhen.PHASE_FINISHED }],
            mail.Requirements);
    }

    [Fact]
    public void Assignees_are_users_partners_and_variables()
    {
        var page = RenderPanel(check);

        Choose(page, "Assignees: users", "Lena Schmidt");
        Choose(page, "Assignees: partners", "SolarTech Montage GmbH");
        Choose(page, "Assignees: variables", "Record's owner ({{entity.owner}})");

        Assert.Equal([Assignee.Of("u-lena"), Assignee.Of("p-solartech"), Assignee.FromVariable("{{entity.owner}}")], check.AssignedTo);
    }

    [Fact]
    public void Choosing_another_phase_asks_the_canvas_to_move_the_task()
    {
        check.PhaseId = "prep";
        var page = RenderPanel(check);

        Choose(page, "Phase", "(no phase)");

        Assert.Null(movedTo);
    }

    /// <summary>The options of the open picker: each name, and the line of detail under it.</summary>
    private static IEnumerable<(string Name, string? Detail)> Offered(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll(".mud-popover-open .mud-list-item").Select(i =>
            ((i.QuerySelector(".wf-choice-name") ?? i).TextContent.Trim(), i.QuerySelector(".wf-choice-detail")?.TextContent.Trim()));

    [Fact]
    public void Leads_to_lists_the_connections_with_named_remove_buttons_and_connects_to_a_picked_task()
    {
        string? connected = null;
        string? removed = null;
        var edge = new FlowEdge { Id = "e1", FromId = "check", ToId = "mail" };
        var review = new FlowTask { Id = "review", Name = "Review offer" };
        var page = RenderWithPopovers(builder =>
        {
            builder.OpenComponent<TaskDetailsPanel>(0);
            builder.AddComponentParameter(1, nameof(TaskDetailsPanel.Task), check);
            builder.AddComponentParameter(2, nameof(TaskDetailsPanel.Tasks), new List<FlowTask> { check, mail, review });
            builder.AddComponentParameter(3, nameof(TaskDetailsPanel.Outgoing), new List<OutgoingEdge> { new(edge, "Send mail") });
            builder.AddComponentParameter(4, nameof(TaskDetailsPanel.Connectable), new List<FlowTask> { review });
            builder.AddComponentParameter(5, nameof(TaskDetailsPanel.ConnectRequested), EventCallback.Factory.Create<string>(this, id => connected = id));
            builder.AddComponentParameter(6, nameof(TaskDetailsPanel.DisconnectRequested), EventCallback.Factory.Create<string>(this, id => removed = id));
            builder.CloseComponent();
        });

        page.Find("button[aria-label='Remove the connection to Send mail']").Click();
        page.FindAll("button").Single(b => b.TextContent.Contains("Connect to…")).Click();
        page.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("Review offer")).Click();

        Assert.Equal("e1", removed);
        page.WaitForAssertion(() => Assert.Equal("review", connected));
    }

    private IRenderedComponent<ContainerFragment> RenderPanel(FlowTask task, BuilderLookups? lookups = null) => RenderWithPopovers(builder =>
    {
        builder.OpenComponent<TaskDetailsPanel>(0);
        builder.AddComponentParameter(1, nameof(TaskDetailsPanel.Task), task);
        builder.AddComponentParameter(2, nameof(TaskDetailsPanel.Tasks), new List<FlowTask> { check, mail });
        builder.AddComponentParameter(3, nameof(TaskDetailsPanel.Phases), phases);
        builder.AddComponentParameter(4, nameof(TaskDetailsPanel.Lookups), lookups ?? Lookups);
        builder.AddComponentParameter(5, nameof(TaskDetailsPanel.Schema), Lookups.Schemas[0]);
        builder.AddComponentParameter(6, nameof(TaskDetailsPanel.Changed), EventCallback.Factory.Create(this, () => changes++));
        builder.AddComponentParameter(7, nameof(TaskDetailsPanel.PhaseChanged), EventCallback.Factory.Create<string?>(this, phase => movedTo = phase));
        builder.CloseComponent();
    });
}
