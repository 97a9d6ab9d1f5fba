using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
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

        foreach (var type in new[]
        {
            typeof(TaskSearch), typeof(DashboardStats), typeof(SavedViewService), typeof(FlowExecutionService), typeof(FlowTemplateService),
            typeof(EntityService), typeof(UserDirectory), typeof(FlowChangeBus), typeof(FlowSettings), typeof(TimeProvider),
        })
        {
            Services.AddSingleton(type, core.GetRequiredService(type));
        }

        await using var users = core.CreateAsyncScope();
        var manager = (await users.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("manager@workflows.demo"))!;
        AddAuthorization().SetAuthorized(manager.Email!).SetRoles(Roles.Manager).SetClaims(
            new Claim(ClaimTypes.NameIdentifier, manager.Id), new Claim(UserClaims.DisplayName, manager.DisplayName));
    }

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
        var saved = Assert.Single(await Services.GetRequiredService<SavedViewService>().ListAsync(
            (await Services.GetRequiredService<UserDirectory>().ListPeopleAsync(CancellationToken.None)).Single(p => p.Email == "manager@workflows.demo").Id,
            CancellationToken.None));
        Assert.Equal("due=overdue", saved.Query);
        Assert.False(saved.Shared);
    }

    private AngleSharp.Dom.IElement Item(string text) =>
        popovers.FindAll(".mud-menu-item").First(i => i.TextContent.Contains(text, StringComparison.Ordinal));
}
