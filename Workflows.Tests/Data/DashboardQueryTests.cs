using Microsoft.AspNetCore.Identity;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>The dashboard's queries on the seeded demo data, on real SQLite.</summary>
public sealed class DashboardQueryTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly TempDatabase database = new();
    private ServiceProvider services = default!;
    private string lena = "";
    private string thomas = "";

    private TaskSearch Search => services.GetRequiredService<TaskSearch>();

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        lena = (await users.FindByEmailAsync("caseworker@workflows.demo"))!.Id;
        thomas = (await users.FindByEmailAsync("manager@workflows.demo"))!.Id;
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    private Task<TaskListPage> RunAsync(DashboardView view, string me, IReadOnlyList<string>? scope = null) =>
        Search.SearchAsync(view.ToQuery([me], scope, DateTimeOffset.UtcNow, Berlin), CancellationToken.None);

    [Fact]
    public async Task The_default_view_lists_my_open_tasks_soonest_due_first()
    {
        var page = await RunAsync(new DashboardView(), lena);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, t => Assert.True(t.IsOpen));
        Assert.All(page.Items, t => Assert.Contains(lena, t.AssignedTo));
        var due = page.Items.Where(t => t.DueAt is not null).Select(t => t.DueAt!.Value).ToList();
        Assert.Equal(due.Order().ToList(), due);
        Assert.True(page.Items[0].Overdue, "the seeded overdue complaint comes first");
    }

    [Fact]
    public async Task Overdue_keeps_only_open_tasks_due_in_the_past()
    {
        var page = await RunAsync(new DashboardView { Due = "overdue" }, lena);

        var task = Assert.Single(page.Items);
        Assert.True(task.Overdue);
        Assert.Equal("Complaint handling", task.WorkflowName);
    }

    [Fact]
    public async Task No_due_date_finds_tasks_without_one_and_everyone_widens_the_scope()
    {
        var mine = await RunAsync(new DashboardView { Due = "none" }, lena);
        var everyone = await RunAsync(new DashboardView { Due = "none", Assignee = DashboardView.Everyone }, thomas);

        Assert.All(mine.Items, t => Assert.Null(t.DueAt));
        Assert.True(everyone.Total >= mine.Total);
    }

    [Fact]
    public async Task Filters_by_template_schema_phase_and_text_narrow_the_list()
    {
        var everyone = new DashboardView { Assignee = DashboardView.Everyone, PageSize = 500 };

        var solar = await RunAsync(everyone with { Template = DemoWorkflows.TemplateId("solar-installation") }, thomas);
        var orders = await RunAsync(everyone with { Schema = "order" }, thomas);
        var planning = await RunAsync(everyone with { Phase = "planning" }, thomas);
        var text = await RunAsync(everyone with { Text = "MESSDIENST" }, thomas);

        Assert.All(solar.Items, t => Assert.Equal("Solar installation", t.WorkflowName));
        Assert.All(orders.Items, t => Assert.Equal("order", t.EntitySchema));
        Assert.All(planning.Items, t => Assert.Equal("Planning", t.PhaseName));
        Assert.NotEmpty(solar.Items);
        Assert.NotEmpty(orders.Items);
        Assert.NotEmpty(planning.Items);
        Assert.Empty(text.Items);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("workflow")]
    [InlineData("status")]
    [InlineData("record")]
    [InlineData("phase")]
    [InlineData("-updated")]
    public async Task Every_column_sorts(string sort)
    {
        var page = await RunAsync(new DashboardView { Assignee = DashboardView.Everyone, Sort = sort, PageSize = 500 }, thomas);

        var keys = page.Items.Select(t => sort.TrimStart('-') switch
        {
            "name" => t.Name,
            "workflow" => t.WorkflowName,
            "status" => t.Status,
            "record" => t.EntityTitle ?? "",
            "phase" => t.PhaseName ?? "",
            _ => t.UpdatedAt.ToString("O"),
        }).ToList();
        var ordered = sort.StartsWith('-') ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal);
        Assert.Equal(ordered.ToList(), keys);
    }

    [Fact]
    public async Task A_partner_sees_only_tasks_of_their_organisation_whatever_the_view_asks_for()
    {
        var partnerIds = new[] { "partner-user", DemoSeeder.MeterPartnerId };

        var page = await RunAsync(new DashboardView { Assignee = DashboardView.Everyone, PageSize = 500 }, "partner-user", partnerIds);
        var other = await RunAsync(new DashboardView { Assignee = $"partner:{DemoSeeder.SolarPartnerId}" }, "partner-user", partnerIds);

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, t => Assert.Contains(DemoSeeder.MeterPartnerId, t.AssignedTo));
        Assert.All(other.Items, t => Assert.Contains(DemoSeeder.MeterPartnerId, t.AssignedTo));
    }

    [Fact]
    public void A_view_survives_the_round_trip_through_its_url()
    {
        var view = new DashboardView
        {
            Assignee = "user:abc",
            Status = "IN_PROGRESS",
            Due = "range",
            From = new DateOnly(2026, 11, 1),
            To = new DateOnly(2026, 11, 30),
            Template = "tpl-x",
            Schema = "order",
            Phase = "Planning & Co",
            Text = "Müller = 100%",
            Sort = "-record",
            Page = 3,
            PageSize = 50,
        };

        var query = view.ToQueryString();
        var parsed = DashboardView.Parse(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString()));

        Assert.Equal(view, parsed);
        Assert.Equal("", new DashboardView().ToQueryString());
    }

    [Fact]
    public async Task The_summary_counts_open_overdue_and_the_charts_cover_thirty_days_and_eight_weeks()
    {
        var summary = await services.GetRequiredService<DashboardStats>().SummarizeAsync([lena], Berlin, CancellationToken.None);

        Assert.True(summary.Open > 0);
        Assert.Equal(1, summary.Overdue);
        Assert.Equal(30, summary.OverduePerDay.Count);
        Assert.Equal(8, summary.CompletedPerWeek.Count);
        Assert.True(summary.OverduePerDay[^1].Overdue >= 1);
        Assert.Contains(summary.OpenPerAssignee, a => a.AssigneeId == lena);
    }
}
