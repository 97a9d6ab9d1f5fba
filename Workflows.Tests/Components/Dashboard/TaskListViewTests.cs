using System.Security.Claims;
using Bunit.TestDoubles;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using Workflows.Web.Components.Dashboard;

namespace Workflows.Tests.Components.Dashboard;

/// <summary>The dashboard's filters and saved views, rendered against the real services on a seeded SQLite file.</summary>
public sealed class TaskListViewTests : MudTestContext, IAsyncLifetime
{
    private readonly TempDatabase database = new();
    private ServiceProvider core = default!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        core = CoreServices.Build(database);
        await using (var scope = core.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        foreach (var type in DashboardServices)
        {
            Services.AddSingleton(type, core.GetRequiredService(type));
        }

        await using var users = core.CreateAsyncScope();
        var manager = (await users.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("manager@workflows.demo"))!;
        AddAuthorization().SetAuthorized(manager.Email!).SetRoles(Roles.Manager).SetClaims(
            new Claim(ClaimTypes.NameIdentifier, manager.Id), new Claim(UserClaims.DisplayName, manager.DisplayName));
    }

    /// <summary>The Core services the dashboard's task list asks, taken from the test's own provider.</summary>
    internal static Type[] DashboardServices { get; } =
    [
        typeof(TaskSearch), typeof(DashboardStats), typeof(SavedViewService), typeof(FlowExecutionService), typeof(TaskBulk), typeof(FlowTemplateService),
        typeof(EntityService), typeof(UserDirectory), typeof(FlowChangeBus), typeof(FlowSettings), typeof(TimeProvider),
        typeof(Workflows.Core.Teams.TeamTasks), typeof(RecordAttributeFilters),
    ];

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await core.DisposeAsync();
        database.Dispose();
    }

    private IRenderedComponent<MudPopoverProvider> popovers = default!;
    private IRenderedComponent<MudDialogProvider> dialogs = default!;

    private IRenderedComponent<TaskListView> RenderDashboard()
    {
        popovers = Render<MudPopoverProvider>();
        dialogs = Render<MudDialogProvider>();
        return Render<TaskListView>(p => p
            .Add(v => v.BasePath, "/dashboard")
            .Add(v => v.Title, "Workflow dashboard"));
    }

    [Fact]
    public void Clicking_the_overdue_card_puts_the_filter_in_the_url_and_lists_only_overdue_tasks()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all");
        var dashboard = RenderDashboard();
        dashboard.WaitForAssertion(() => Assert.NotEmpty(dashboard.FindAll("[data-testid=task-table] tbody tr [data-task]")));

        dashboard.Find("[data-card=overdue]").Click();

        dashboard.WaitForAssertion(() => Assert.EndsWith("/dashboard?assignee=all&due=overdue", navigation.Uri, StringComparison.Ordinal));
        dashboard.WaitForAssertion(() =>
        {
            var rows = dashboard.FindAll("[data-testid=task-table] tbody tr");
            Assert.Single(rows);
            Assert.Contains("overdue", rows[0].TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_view_in_the_url_is_what_the_table_shows()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&schema=order&sort=-name");

        var dashboard = RenderDashboard();

        dashboard.WaitForAssertion(() =>
        {
            var names = dashboard.FindAll("[data-testid=task-table] tbody tr [data-task] a").Select(a => a.TextContent.Trim()).ToList();
            Assert.NotEmpty(names);
            Assert.Equal(names.OrderDescending(StringComparer.Ordinal).ToList(), names);
        });
        Assert.All(dashboard.FindAll("[data-testid=task-table] tbody tr"), row => Assert.Contains("ORD-", row.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Clicking_a_column_header_sorts_by_it_through_the_url_and_a_second_click_reverses_it()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&schema=order");
        var dashboard = RenderDashboard();
        dashboard.WaitForAssertion(() => Assert.NotEmpty(TaskNames(dashboard)));

        dashboard.Find("[data-testid=task-table] th button[aria-label='Sort by Task']").Click();

        dashboard.WaitForAssertion(() => Assert.EndsWith("/dashboard?assignee=all&schema=order&sort=name", navigation.Uri, StringComparison.Ordinal));
        dashboard.WaitForAssertion(() => Assert.Equal(TaskNames(dashboard).Order(StringComparer.Ordinal).ToList(), TaskNames(dashboard)));

        dashboard.Find("[data-testid=task-table] th button[aria-label='Sort by Task']").Click();

        dashboard.WaitForAssertion(() => Assert.EndsWith("/dashboard?assignee=all&schema=order&sort=-name", navigation.Uri, StringComparison.Ordinal));
        dashboard.WaitForAssertion(() =>
        {
            var names = TaskNames(dashboard);
            Assert.Equal(names.OrderDescending(StringComparer.Ordinal).ToList(), names);
            Assert.NotEqual(names.Order(StringComparer.Ordinal).ToList(), names);
        });
    }

    [Fact]
    public void The_grid_shows_the_whole_page_the_server_returned()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&status=all");

        var dashboard = RenderDashboard();

        dashboard.WaitForAssertion(() =>
        {
            var total = int.Parse(dashboard.Find("[data-testid=task-count]").TextContent.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(total > 25, $"the demo data has {total} tasks");
            Assert.Equal(25, TaskNames(dashboard).Count);
        });
    }

    [Fact]
    public void Moving_to_another_page_or_page_size_goes_through_the_url_and_keeps_the_sort()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&sort=name&size=10");
        var dashboard = RenderDashboard();
        dashboard.WaitForAssertion(() => Assert.Equal(10, TaskNames(dashboard).Count));
        var firstPage = TaskNames(dashboard);

        dashboard.Find("[aria-label='Pages'] button[aria-label='Next page']").Click();

        dashboard.WaitForAssertion(() => Assert.EndsWith("/dashboard?assignee=all&sort=name&page=1&size=10", navigation.Uri, StringComparison.Ordinal));
        dashboard.WaitForAssertion(() =>
        {
            var secondPage = TaskNames(dashboard);
            Assert.NotEmpty(secondPage);
            Assert.True(StringComparer.Ordinal.Compare(firstPage[^1], secondPage[0]) <= 0, $"{firstPage[^1]} then {secondPage[0]}");
        });

        dashboard.FindAll(".mud-input-control").First(control => control.QuerySelector("label")?.TextContent.Trim() == "Rows per page")
            .QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input")!.MouseDown();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").Single(item => item.TextContent.Trim() == "25").Click());

        dashboard.WaitForAssertion(() => Assert.EndsWith("/dashboard?assignee=all&sort=name", navigation.Uri, StringComparison.Ordinal));
        dashboard.WaitForAssertion(() => Assert.Equal(25, TaskNames(dashboard).Count));
    }

    [Fact]
    public void Ticking_rows_in_the_grid_feeds_the_bulk_bar_and_clearing_unticks_them()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all");
        var dashboard = RenderDashboard();
        dashboard.WaitForAssertion(() => Assert.True(TaskNames(dashboard).Count >= 2));
        Assert.Empty(dashboard.FindAll("[aria-label='Bulk actions']"));

        RowCheckbox(dashboard, 0).Change(true);
        RowCheckbox(dashboard, 1).Change(true);

        dashboard.WaitForAssertion(() => Assert.Contains("2 selected", dashboard.Find("[aria-label='Bulk actions']").TextContent, StringComparison.Ordinal));
        Assert.True(RowCheckbox(dashboard, 0).HasAttribute("checked") && RowCheckbox(dashboard, 1).HasAttribute("checked"));

        dashboard.FindAll("[aria-label='Bulk actions'] button").Single(b => b.TextContent.Trim() == "Clear selection").Click();

        dashboard.WaitForAssertion(() => Assert.Empty(dashboard.FindAll("[aria-label='Bulk actions']")));
        Assert.All(dashboard.FindAll("[data-testid=task-table] input[type=checkbox]"), box => Assert.False(box.HasAttribute("checked")));
    }

    [Fact]
    public void A_bulk_action_on_the_ticked_rows_changes_exactly_those_tasks()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&sort=name");
        var dashboard = RenderDashboard();
        dashboard.WaitForAssertion(() => Assert.True(UnlockedRows(dashboard).Count >= 3));
        var ticked = UnlockedRows(dashboard).Take(2).Select(TaskLink).ToList();
        var untouched = TaskLink(UnlockedRows(dashboard)[2]);

        UnlockedRows(dashboard)[0].QuerySelector("input[type=checkbox]")!.Change(true);
        UnlockedRows(dashboard)[1].QuerySelector("input[type=checkbox]")!.Change(true);
        dashboard.WaitForAssertion(() => dashboard.FindAll("[aria-label='Bulk actions'] button").Single(b => b.TextContent.Trim() == "Done").Click());

        dialogs.WaitForAssertion(() => Assert.Equal("All 2 tasks were updated.", dialogs.Find("[data-testid=bulk-summary]").TextContent.Trim()));
        dashboard.WaitForAssertion(() =>
        {
            var listed = dashboard.FindAll("[data-testid=task-table] tbody tr").Where(r => r.QuerySelector("[data-task]") is not null).Select(TaskLink).ToList();
            Assert.DoesNotContain(ticked[0], listed);
            Assert.DoesNotContain(ticked[1], listed);
            Assert.Contains(untouched, listed);
        });
        Assert.Empty(dashboard.FindAll("[aria-label='Bulk actions']"));
    }

    [Fact]
    public void A_view_that_matches_nothing_says_so_in_the_grid()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&q=no-such-task-anywhere");

        var dashboard = RenderDashboard();

        dashboard.WaitForAssertion(() => Assert.Contains("No tasks match these filters.", dashboard.Find("[data-testid=task-table]").TextContent, StringComparison.Ordinal));
        Assert.Empty(dashboard.FindAll("[data-testid=task-count]"));
    }

    private static List<string> TaskNames(IRenderedComponent<TaskListView> dashboard) =>
        [.. dashboard.FindAll("[data-testid=task-table] tbody tr [data-task] a").Select(a => a.TextContent.Trim())];

    private static List<AngleSharp.Dom.IElement> UnlockedRows(IRenderedComponent<TaskListView> dashboard) =>
        [.. dashboard.FindAll("[data-testid=task-table] tbody tr").Where(r => r.QuerySelector("[data-task]") is not null && r.QuerySelector("[aria-label=Locked]") is null)];

    /// <summary>A row's link to its record's sidebar at the task: it names the record and the task, so it tells rows apart.</summary>
    private static string TaskLink(AngleSharp.Dom.IElement row) => row.QuerySelector("[data-task] a")!.GetAttribute("href")!;

    private static AngleSharp.Dom.IElement RowCheckbox(IRenderedComponent<TaskListView> dashboard, int row) =>
        dashboard.FindAll("[data-testid=task-table] tbody tr").Where(r => r.QuerySelector("[data-task]") is not null).ElementAt(row)
            .QuerySelector("input[type=checkbox]")!;

    [Fact]
    public async Task Saving_the_current_view_adds_it_to_the_saved_views_and_marks_it_active()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?due=overdue");
        var dashboard = RenderDashboard();

        dashboard.Find(".mud-menu button").Click();
        popovers.WaitForAssertion(() => Item("Save this view").Click());
        dialogs.WaitForAssertion(() => dialogs.Find("input").Input("My overdue"));
        dialogs.FindAll("button").Single(b => b.TextContent.Contains("Save view", StringComparison.Ordinal)).Click();

        dashboard.WaitForAssertion(() => Assert.Contains("My overdue", dashboard.Find(".mud-menu button").TextContent, StringComparison.Ordinal));
        Assert.Equal("Saved views, active: My overdue", dashboard.Find(".mud-menu button").GetAttribute("aria-label"));
        var saved = Assert.Single(await Services.GetRequiredService<SavedViewService>().ListAsync(
            (await Services.GetRequiredService<UserDirectory>().ListPeopleAsync(CancellationToken.None)).Single(p => p.Email == "manager@workflows.demo").Id,
            CancellationToken.None));
        Assert.Equal("due=overdue", saved.Query);
        Assert.False(saved.Shared);
    }

    private AngleSharp.Dom.IElement Item(string text) =>
        popovers.FindAll(".mud-menu-item").First(i => i.TextContent.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void A_record_attribute_filter_in_the_url_is_a_chip_that_narrows_the_table_and_closing_it_removes_it()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&schema=opportunity&attr=amount%3Agreater_than%3A10000");

        var dashboard = RenderDashboard();

        dashboard.WaitForAssertion(() => Assert.NotEmpty(dashboard.FindAll("[data-testid=task-table] tbody tr [data-task]")));
        Assert.Equal("Amount (EUR) > 10000", dashboard.Find("[data-testid=record-attribute-chip]").TextContent.Trim());
        Assert.All(dashboard.FindAll("[data-testid=task-table] tbody tr"), row =>
            Assert.True(row.TextContent.Contains("Solar", StringComparison.Ordinal) || row.TextContent.Contains("Heat pump", StringComparison.Ordinal), row.TextContent));

        dashboard.Find("[data-testid=record-attribute-chip] .mud-chip-close-button").Click();

        dashboard.WaitForAssertion(() => Assert.EndsWith("/dashboard?assignee=all&schema=opportunity", navigation.Uri, StringComparison.Ordinal));
        dashboard.WaitForAssertion(() => Assert.Empty(dashboard.FindAll("[data-testid=record-attribute-chip]")));
    }

    [Fact]
    public void A_record_attribute_filter_is_picked_in_a_dialog_and_put_in_the_url()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&schema=opportunity");
        var dashboard = RenderDashboard();
        dashboard.WaitForAssertion(() => Assert.False(dashboard.Find("[data-testid=add-record-attribute-filter]").HasAttribute("disabled")));

        dashboard.Find("[data-testid=add-record-attribute-filter]").Click();
        Pick(dialogs, "Attribute", "Stage");
        dialogs.WaitForAssertion(() => Assert.Contains(dialogs.FindAll(".mud-input-control label"), l => l.TextContent.Trim() == "Value"));
        Pick(dialogs, "Value", "Offer");
        dialogs.WaitForAssertion(() => Assert.False(dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Add filter").HasAttribute("disabled")));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Add filter").Click();

        dashboard.WaitForAssertion(() => Assert.EndsWith("/dashboard?assignee=all&schema=opportunity&attr=stage%3Aequals%3Aoffer", navigation.Uri, StringComparison.Ordinal));
        dashboard.WaitForAssertion(() => Assert.Equal("Stage = Offer", dashboard.Find("[data-testid=record-attribute-chip]").TextContent.Trim()));
    }

    [Fact]
    public void Without_a_record_type_no_attribute_filter_can_be_added_and_a_stale_one_says_why_it_shows_nothing()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/dashboard?assignee=all&attr=amount%3Agreater_than%3A10000");

        var dashboard = RenderDashboard();

        dashboard.WaitForAssertion(() => Assert.Contains("needs the record type", dashboard.Find("[data-testid=filter-problem]").TextContent, StringComparison.Ordinal));
        Assert.True(dashboard.Find("[data-testid=add-record-attribute-filter]").HasAttribute("disabled"));
        Assert.Empty(dashboard.FindAll("[data-testid=task-table] tbody tr [data-task]"));
    }

    private void Pick<T>(IRenderedComponent<T> host, string label, string item) where T : IComponent
    {
        host.WaitForAssertion(() => host.FindAll(".mud-input-control").First(control => control.QuerySelector("label")?.TextContent.Trim() == label)
            .QuerySelector(".mud-input-control-input-container, .mud-select-input, .mud-input")!.MouseDown());
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == item).Click());
    }

    [Fact]
    public async Task A_locked_task_says_what_it_waits_for_by_name_as_the_sidebar_does()
    {
        var lena = new Actor("lena", "Lena Schmidt");
        var template = Workflows.Tests.Core.Flows.TemplateBuilder.ATemplate("Waiting list")
            .WithTask("docs", "Check documents")
            .WithTask("survey", "Site survey")
            .WithTask("offer", "Send offer").Requires("docs", "survey")
            .With(t => t.Id = "waiting-list")
            .Build();
        Assert.True((await core.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, lena, CancellationToken.None)).Succeeded);
        var started = await core.GetRequiredService<FlowExecutionService>().StartAsync(
            "waiting-list", [new EntityRef { EntityId = "order-001" }], lena, CancellationToken.None);
        var done = await core.GetRequiredService<FlowExecutionService>().ApplyAsync(
            started.Value!.Id, new Workflows.Core.Flows.Engine.SetTaskStatus("survey", Workflows.Core.Flows.Executions.StepStatus.COMPLETED), lena, null, CancellationToken.None);
        Assert.True(done.Succeeded, done.Error);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/dashboard?assignee=all&template=waiting-list");
        var dashboard = RenderDashboard();

        dashboard.WaitForAssertion(() =>
        {
            var chip = Assert.Single(dashboard.FindAll("[data-testid=waits-for]"));
            Assert.Equal("Waits for: Check documents", chip.TextContent.Trim());
        });
    }
}
