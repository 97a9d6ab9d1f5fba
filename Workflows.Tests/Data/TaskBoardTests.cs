using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workflows.Core;
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

/// <summary>The task board's columns (counted and paged each on its own) and its moves through the engine.</summary>
public sealed class TaskBoardTests : IAsyncLifetime, IDisposable
{
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = default!;
    private readonly List<string> executionIds = [];

    private TaskBoard Board => services.GetRequiredService<TaskBoard>();

    // Three workflows of the test's own template, so the demo's workflows stay out of the columns.
    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database, clock);
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);

        var template = ATemplate("Solar installation")
            .WithPhase("p1", "Preparation").WithPhase("p2", "Installation")
            .WithTask("docs", "Check documents").InPhase("p1").AssignedTo(Assignee.Of("lena"))
            .WithTask("offer", "Send offer").InPhase("p1").Requires("docs").AssignedTo(Assignee.Of("partner-solartech"))
            .WithTask("mount", "Mount panels").InPhase("p2")
            .With(t => t.Id = "solar")
            .Build();
        Assert.True((await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None)).Succeeded);
        var executions = services.GetRequiredService<FlowExecutionService>();
        for (var i = 0; i < 3; i++)
        {
            var started = await executions.StartAsync("solar", [new EntityRef { EntityId = $"order-00{i + 1}" }], Lena, CancellationToken.None);
            executionIds.Add(started.Value!.Id);
        }

        await executions.ApplyAsync(executionIds[0], new SetTaskStatus("docs", StepStatus.COMPLETED), Lena, null, CancellationToken.None);
        await executions.ApplyAsync(executionIds[1], new SetTaskStatus("mount", StepStatus.IN_PROGRESS), Lena, null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    private static BoardQuery Solar(BoardGrouping groupBy = BoardGrouping.Status, int size = BoardQuery.DefaultColumnSize) =>
        new() { Tasks = new TaskQuery { TemplateId = "solar" }, GroupBy = groupBy, ColumnSize = size };

    [Fact]
    public async Task A_status_board_has_every_status_column_in_order_each_with_its_total_and_cards()
    {
        var board = await Board.LoadAsync(Solar(), CancellationToken.None);

        Assert.Equal(TaskBoard.StatusColumns.Select(s => s.ToString()), board.Columns.Select(c => c.Key));
        var byKey = board.Columns.ToDictionary(c => c.Key);
        Assert.Equal(1, byKey["COMPLETED"].Total);
        Assert.Equal(["docs"], byKey["COMPLETED"].Cards.Select(c => c.TaskId));
        Assert.Equal(1, byKey["IN_PROGRESS"].Total);
        Assert.Equal(7, byKey["PENDING"].Total);
        Assert.All(byKey["PENDING"].Cards, c => Assert.Equal("PENDING", c.Status));
        Assert.Equal(0, byKey["SKIPPED"].Total);
    }

    [Fact]
    public async Task A_column_shows_at_most_its_size_and_show_more_reads_the_next_page_of_that_column_only()
    {
        var board = await Board.LoadAsync(Solar(size: 3), CancellationToken.None);
        var pending = board.Columns.Single(c => c.Key == "PENDING");
        var more = await Board.ColumnAsync(Solar(size: 3), "PENDING", 1, CancellationToken.None);
        var last = await Board.ColumnAsync(Solar(size: 3), "PENDING", 2, CancellationToken.None);

        Assert.Equal(3, pending.Cards.Count);
        Assert.True(pending.HasMore);
        Assert.Equal(3, more.Value!.Cards.Count);
        Assert.Single(last.Value!.Cards);
        Assert.False(last.Value.HasMore);
        var all = pending.Cards.Concat(more.Value.Cards).Concat(last.Value.Cards).Select(c => (c.ExecutionId, c.TaskId)).ToList();
        Assert.Equal(7, all.Distinct().Count());
    }

    [Fact]
    public async Task Show_more_of_a_column_a_status_board_does_not_have_is_refused()
    {
        var unknown = await Board.ColumnAsync(Solar(), "DONE", 1, CancellationToken.None);

        Assert.Equal(RefusalKind.Invalid, unknown.Refusal!.Kind);
        Assert.Contains("COMPLETED", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phase_board_has_a_column_per_phase_of_the_filtered_tasks_most_tasks_first()
    {
        var board = await Board.LoadAsync(Solar(BoardGrouping.Phase), CancellationToken.None);

        Assert.Equal(["Preparation", "Installation"], board.Columns.Select(c => c.Key));
        Assert.Equal(5, board.Columns[0].Total); // open: two docs, three offers
        Assert.Equal(3, board.Columns[1].Total);
    }

    [Fact]
    public async Task Moving_a_card_to_done_completes_the_task_through_the_engine()
    {
        var moved = await Board.MoveAsync(executionIds[2], "docs", BoardGrouping.Status, "PENDING", "COMPLETED", Lena, null, CancellationToken.None);
        var board = await Board.LoadAsync(Solar(), CancellationToken.None);

        Assert.True(moved.Succeeded, moved.Error);
        Assert.Equal(StepStatus.COMPLETED, moved.Value.FindTask("docs")!.Status);
        Assert.Equal(2, board.Columns.Single(c => c.Key == "COMPLETED").Total);
    }

    [Fact]
    public async Task Moving_a_locked_card_is_refused_with_what_it_waits_for_and_changes_nothing()
    {
        var moved = await Board.MoveAsync(executionIds[1], "offer", BoardGrouping.Status, "PENDING", "COMPLETED", Lena, null, CancellationToken.None);
        var board = await Board.LoadAsync(Solar(), CancellationToken.None);

        Assert.False(moved.Succeeded);
        Assert.Contains("waits for: Check documents", moved.Error, StringComparison.Ordinal);
        Assert.Equal(1, board.Columns.Single(c => c.Key == "COMPLETED").Total);
    }

    [Fact]
    public async Task A_phase_board_refuses_moving_a_card_to_another_phase()
    {
        var moved = await Board.MoveAsync(executionIds[2], "docs", BoardGrouping.Phase, "Preparation", "Installation", Lena, null, CancellationToken.None);

        Assert.Equal(RefusalKind.Invalid, moved.Refusal!.Kind);
        Assert.Contains("group the board by status", moved.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_partner_moves_only_their_own_tasks()
    {
        var scope = new[] { "partner-solartech" };
        var notTheirs = await Board.MoveAsync(executionIds[2], "docs", BoardGrouping.Status, "PENDING", "COMPLETED", Lena, scope, CancellationToken.None);
        var theirs = await Board.MoveAsync(executionIds[0], "offer", BoardGrouping.Status, "PENDING", "IN_PROGRESS", Lena, scope, CancellationToken.None);

        Assert.Equal(RefusalKind.NotFound, notTheirs.Refusal!.Kind);
        Assert.True(theirs.Succeeded, theirs.Error);
    }

    [Fact]
    public async Task Saved_boards_are_apart_from_saved_views_and_a_manager_makes_one_everyones_default()
    {
        var saved = services.GetRequiredService<SavedViewService>();
        var board = new BoardView { GroupBy = BoardGrouping.Phase, Lanes = BoardLanes.Assignee, Filters = new DashboardView { Assignee = "all" } };
        var mine = await saved.SaveBoardAsync("Installations", board, shared: false, Lena, CancellationToken.None);
        var sameNameView = await saved.SaveAsync("Installations", new DashboardView(), shared: false, Lena, CancellationToken.None);
        var manager = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "lena"), new(System.Security.Claims.ClaimTypes.Role, Roles.Manager)], "test"));
        var caseWorker = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "tom"), new(System.Security.Claims.ClaimTypes.Role, Roles.CaseWorker)], "test"));

        var privateDefault = await saved.SetOrganisationDefaultAsync(mine.Value!.Id, SavedView.BoardKind, manager, CancellationToken.None);
        var shared = await saved.SaveBoardAsync("Team board", board, shared: true, Lena, CancellationToken.None);
        var byCaseWorker = await saved.SetOrganisationDefaultAsync(shared.Value!.Id, SavedView.BoardKind, caseWorker, CancellationToken.None);
        var byManager = await saved.SetOrganisationDefaultAsync(shared.Value.Id, SavedView.BoardKind, manager, CancellationToken.None);

        Assert.True(sameNameView.Succeeded, sameNameView.Error);
        Assert.Equal("assignee=all&columns=phase&lanes=assignee", mine.Value.Query);
        Assert.Equal(RefusalKind.Invalid, privateDefault.Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, byCaseWorker.Refusal!.Kind);
        Assert.True(byManager.Succeeded);
        Assert.Equal("Team board", (await saved.OrganisationDefaultAsync(SavedView.BoardKind, CancellationToken.None))?.Name);
        Assert.Null(await saved.OrganisationDefaultAsync(SavedView.DashboardKind, CancellationToken.None));
        Assert.Equal(["Installations", "Team board"], (await saved.ListAsync("lena", SavedView.BoardKind, CancellationToken.None)).Select(v => v.Name));
        Assert.Equal(["Installations"], (await saved.ListAsync("lena", CancellationToken.None)).Select(v => v.Name));
        Assert.Equal(board, BoardView.Parse(System.Web.HttpUtility.ParseQueryString(mine.Value.Query).AllKeys
            .ToDictionary(k => k!, k => (string?)System.Web.HttpUtility.ParseQueryString(mine.Value.Query)[k])));
    }

    [Fact]
    public async Task A_user_keeps_a_default_board_of_their_own_apart_from_their_default_dashboard_view()
    {
        var saved = services.GetRequiredService<SavedViewService>();
        var board = new BoardView { GroupBy = BoardGrouping.Phase, Filters = new DashboardView { Assignee = "all" } };
        var mine = await saved.SaveBoardAsync("My phases", board, shared: false, Lena, CancellationToken.None);
        var view = await saved.SaveAsync("My list", new DashboardView(), shared: false, Lena, CancellationToken.None);

        var asBoard = await saved.SetDefaultAsync(mine.Value!.Id, SavedView.BoardKind, Lena, CancellationToken.None);
        var viewAsBoard = await saved.SetDefaultAsync(view.Value!.Id, SavedView.BoardKind, Lena, CancellationToken.None);
        await saved.SetDefaultAsync(view.Value.Id, Lena, CancellationToken.None);

        Assert.True(asBoard.Succeeded, asBoard.Error);
        Assert.Equal(RefusalKind.NotFound, viewAsBoard.Refusal!.Kind);
        Assert.Equal("My phases", (await saved.DefaultForAsync("lena", SavedView.BoardKind, CancellationToken.None))?.Name);
        Assert.Equal("My list", (await saved.DefaultForAsync("lena", CancellationToken.None))?.Name);
        Assert.Null(await saved.DefaultForAsync("tom", SavedView.BoardKind, CancellationToken.None));

        await saved.SetDefaultAsync(null, SavedView.BoardKind, Lena, CancellationToken.None);
        Assert.Null(await saved.DefaultForAsync("lena", SavedView.BoardKind, CancellationToken.None));
        Assert.Equal("My list", (await saved.DefaultForAsync("lena", CancellationToken.None))?.Name);
    }
}
