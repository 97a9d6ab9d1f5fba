using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workflows.Core.Dashboard;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data;

public sealed class TaskSearchTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = default!;

    private TaskSearch Search => new(services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>(), clock, services.GetRequiredService<Workflows.Core.Flows.FlowSettings>());

    // Every query names the test's own template, so the demo workflows the seed starts stay out of the counts.
    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database, clock);
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);

        var template = ATemplate("Meter exchange")
            .WithTask("book", "Book appointment").AssignedTo(Assignee.Of("lena"), Assignee.Of("partner-messdienst"))
            .WithTask("swap", "Swap meter").AssignedTo(Assignee.Of("partner-messdienst"))
            .WithTask("bill", "Send bill")
            .Chain("book", "swap", "bill")
            .With(t => t.Id = "meter")
            .Build();
        var templates = services.GetRequiredService<FlowTemplateService>();
        var executions = services.GetRequiredService<FlowExecutionService>();
        Assert.True((await templates.SaveAsync(template, null, Lena, CancellationToken.None)).Succeeded);
        var started = await executions.StartAsync("meter", [new EntityRef { EntityId = "order-001" }], Lena, CancellationToken.None);
        await executions.ApplyAsync(started.Value!.Id, new SetDueDate(FlowItemRef.Task("book"), FlowDueDate.OnDate(new DateOnly(2026, 3, 1))), Lena, null, CancellationToken.None);
        await executions.ApplyAsync(started.Value!.Id, new SetDueDate(FlowItemRef.Task("swap"), FlowDueDate.OnDate(new DateOnly(2026, 3, 20))), Lena, null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_task_assigned_to_a_partner_user_and_their_organisation_is_listed_once()
    {
        var page = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", AssigneeIds = ["lena", "partner-messdienst"] }, CancellationToken.None);

        Assert.Equal(2, page.Total);
        Assert.Equal(["book", "swap"], page.Items.Select(t => t.TaskId));
        Assert.Equal(["lena", "partner-messdienst"], page.Items[0].AssignedTo);
    }

    [Fact]
    public async Task A_renamed_record_is_listed_and_found_by_its_new_title_also_after_its_next_task_change()
    {
        var entities = services.GetRequiredService<Workflows.Core.Entities.EntityService>();
        var renamed = await entities.UpdateAsync("order", "order-001", new System.Text.Json.Nodes.JsonObject { ["_title"] = "Zählerwechsel Köln" },
            expectedVersion: null, replace: false, Lena, CancellationToken.None);
        Assert.True(renamed.Succeeded, renamed.Refusal?.Message);

        var byNewTitle = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", Text = "zählerwechsel köln" }, CancellationToken.None);
        var executionId = byNewTitle.Items[0].ExecutionId;
        await services.GetRequiredService<FlowExecutionService>().ApplyAsync(
            executionId, new SetTaskStatus("book", StepStatus.IN_PROGRESS), Lena, null, CancellationToken.None);
        var afterChange = await Search.SearchAsync(new TaskQuery { TemplateId = "meter" }, CancellationToken.None);

        Assert.Equal(3, byNewTitle.Total);
        Assert.All(byNewTitle.Items, t => Assert.Equal("Zählerwechsel Köln", t.EntityTitle));
        Assert.All(afterChange.Items, t => Assert.Equal("Zählerwechsel Köln", t.EntityTitle));
    }

    [Fact]
    public async Task Overdue_means_open_and_due_before_today()
    {
        var overdue = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", AssigneeIds = ["partner-messdienst"], Overdue = true }, CancellationToken.None);
        var all = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", Overdue = true }, CancellationToken.None);

        Assert.Equal(["book"], overdue.Items.Select(t => t.TaskId));
        Assert.True(overdue.Items[0].Overdue);
        Assert.Equal(["book"], all.Items.Select(t => t.TaskId));
    }

    /// <summary>
    /// A range given with a non-zero offset (the dashboard's local day) is the same instants as in UTC: Npgsql refuses a
    /// DateTimeOffset off UTC for <c>timestamp with time zone</c>, so the model converts every instant to UTC on write.
    /// </summary>
    [Fact]
    public async Task A_due_range_with_an_offset_finds_the_same_tasks_on_both_providers()
    {
        var berlin = TimeSpan.FromHours(1);
        var from = new DateTimeOffset(2026, 3, 15, 0, 0, 0, berlin);
        var to = new DateTimeOffset(2026, 3, 25, 0, 0, 0, berlin);

        var mine = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", AssigneeIds = ["partner-messdienst"], DueFrom = from, DueTo = to }, CancellationToken.None);
        var all = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", DueFrom = from, DueTo = to }, CancellationToken.None);
        var utc = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", DueFrom = from.ToUniversalTime(), DueTo = to.ToUniversalTime() }, CancellationToken.None);
        var counts = await Search.CountAsync(new TaskQuery { TemplateId = "meter" }, from, to, from, CancellationToken.None);

        Assert.Equal(["swap"], mine.Items.Select(t => t.TaskId));
        Assert.Equal(["swap"], all.Items.Select(t => t.TaskId));
        Assert.Equal(["swap"], utc.Items.Select(t => t.TaskId));
        Assert.Equal(1, counts.DueToday);
    }

    [Fact]
    public async Task Unassigned_tasks_and_text_search_and_paging()
    {
        var unassigned = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", Unassigned = true }, CancellationToken.None);
        var text = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", Text = "SWAP" }, CancellationToken.None);
        var second = await Search.SearchAsync(new TaskQuery { TemplateId = "meter", Sort = TaskSort.Name, Page = 1, PageSize = 2 }, CancellationToken.None);

        Assert.Equal(["bill"], unassigned.Items.Select(t => t.TaskId));
        Assert.Equal(["swap"], text.Items.Select(t => t.TaskId));
        Assert.Equal(3, second.Total);
        Assert.Equal(["swap"], second.Items.Select(t => t.TaskId));
    }

    [Theory]
    [InlineData("\"zähler\"", true)]
    [InlineData("100% _done_", true)]
    [InlineData("\" or \"", false)]
    [InlineData("🔥x", true)]
    [InlineData("🔥", true)]
    [InlineData("zähler\" 2", false)]
    public async Task Quotes_percent_signs_and_emoji_in_a_search_match_the_task_name_literally(string text, bool found)
    {
        var template = ATemplate("Hotfix")
            .WithTask("read", "Read \"Zähler\" 100% _done_ 🔥x")
            .With(t => t.Id = "hotfix")
            .Build();
        Assert.True((await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None)).Succeeded);
        await services.GetRequiredService<FlowExecutionService>().StartAsync("hotfix", [new EntityRef { EntityId = "order-001" }], Lena, CancellationToken.None);

        var page = await Search.SearchAsync(new TaskQuery { Text = text }, CancellationToken.None);

        Assert.Equal(found ? ["read"] : [], page.Items.Select(t => t.TaskId));
        Assert.Equal(found ? 1 : 0, page.Total);
    }

    [Fact]
    public async Task Control_characters_lone_surrogates_and_FTS_syntax_in_a_search_are_text_not_query_syntax()
    {
        var template = ATemplate("Hotfix")
            .WithTask("read", "Read \"Zähler\" 100% _done_ 🔥x")
            .With(t => t.Id = "hotfix")
            .Build();
        Assert.True((await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None)).Succeeded);
        await services.GetRequiredService<FlowExecutionService>().StartAsync("hotfix", [new EntityRef { EntityId = "order-001" }], Lena, CancellationToken.None);
        (string Text, bool Found)[] searches =
        [
            ("\u0000zähler", true), ("zäh\u0000ler", true), ("zähler\u0001\u001f\u007f", true), ("\ud800zähler", true), ("zähler\udfff", true),
            ("zähler*", false), ("NEAR(zähler", false), ("zähler AND done", false), ("zähler OR x", false), ("-zähler", false),
            ("^read", false), ("name:zähler", false), ("{name}:zähler", false), ("\"\"\"", false), ("\u0000", true), ("🔥", true),
        ];

        foreach (var (text, found) in searches)
        {
            var page = await Search.SearchAsync(new TaskQuery { Text = text, TemplateId = "hotfix" }, CancellationToken.None);

            var shown = string.Join(" ", text.Select(c => ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.True(page.Items.Select(t => t.TaskId).SequenceEqual(found ? ["read"] : []), $"searching {shown} found {page.Items.Count}");
        }
    }
    [Fact]
    public async Task A_pending_due_rule_is_listed_in_english_for_the_api_and_kept_so_a_german_list_words_it_in_german()
    {
        var template = ATemplate("Due rules")
            .WithTask("check", "Check documents")
            .WithTask("offer", "Send offer").Due(3, TimeUnit.Days, DueDateType.TASK_FINISHED, taskId: "check")
            .Chain("check", "offer")
            .With(t => t.Id = "due-rules")
            .Build();
        Assert.True((await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None)).Succeeded);
        await services.GetRequiredService<FlowExecutionService>().StartAsync("due-rules", [new EntityRef { EntityId = "order-001" }], Lena, CancellationToken.None);

        var offer = (await Search.SearchAsync(new TaskQuery { TemplateId = "due-rules" }, CancellationToken.None)).Items.Single(t => t.TaskId == "offer");

        Assert.Equal("3 days after 'Check documents' is finished", offer.DueText);
        Assert.Equal(new PendingDueRule(3, TimeUnit.Days, DueDateType.TASK_FINISHED, "Check documents"), offer.DueRule);
        Assert.Equal("3 Tage nach Abschluss von „Check documents“",
            Workflows.Core.Localization.Languages.In("de", () => Workflows.Web.Components.Tasks.TaskPresentation.DueText(offer, TimeZoneInfo.Utc)));
    }
}
