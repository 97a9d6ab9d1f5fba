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
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using Workflows.Web.Components.Dashboard;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Components.Dashboard;

/// <summary>The task board rendered against the real services on a seeded SQLite file: columns, moves and "show more".</summary>
public sealed class TaskBoardViewTests : MudTestContext, IAsyncLifetime
{
    private const string Board = "/board?assignee=all&template=board-solar";
    private readonly TempDatabase database = new();
    private ServiceProvider core = default!;
    private readonly List<string> executionIds = [];
    private IRenderedComponent<MudPopoverProvider> popovers = default!;

    private Actor manager = Actor.System;

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
            typeof(TaskBoard), typeof(SavedViewService), typeof(FlowTemplateService), typeof(EntityService), typeof(UserDirectory),
            typeof(FlowChangeBus), typeof(FlowSettings), typeof(TimeProvider), typeof(RecordAttributeFilters),
        })
        {
            Services.AddSingleton(type, core.GetRequiredService(type));
        }

        var lena = new Actor("lena", "Lena Schmidt");
        var template = ATemplate("Board solar")
            .WithTask("docs", "Check documents")
            .WithTask("offer", "Send offer").Requires("docs")
            .With(t => t.Id = "board-solar")
            .Build();
        Assert.True((await core.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, lena, CancellationToken.None)).Succeeded);
        for (var i = 0; i < 30; i++)
        {
            var started = await core.GetRequiredService<FlowExecutionService>().StartAsync(
                "board-solar", [new EntityRef { EntityId = "order-001" }], lena, CancellationToken.None);
            executionIds.Add(started.Value!.Id);
        }

        await using var users = core.CreateAsyncScope();
        var signedIn = (await users.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("manager@workflows.demo"))!;
        AddAuthorization().SetAuthorized(signedIn.Email!).SetRoles(Roles.Manager).SetClaims(
            new Claim(ClaimTypes.NameIdentifier, signedIn.Id), new Claim(UserClaims.DisplayName, signedIn.DisplayName));
        manager = new Actor(signedIn.Id, signedIn.DisplayName);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await core.DisposeAsync();
        database.Dispose();
    }

    private IRenderedComponent<TaskBoardView> RenderBoard(string url = Board)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        popovers = Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Render<MudDialogProvider>();
        var board = Render<TaskBoardView>();
        board.WaitForAssertion(() => Assert.NotEmpty(board.FindAll("[data-column]")));
        return board;
    }

    private static string TotalOf(IRenderedComponent<TaskBoardView> board, string column) =>
        board.Find($"[data-column={column}] [data-testid=column-total]").TextContent.Trim();

    private static int CardsIn(IRenderedComponent<TaskBoardView> board, string column) =>
        board.FindAll($"[data-column={column}] [data-task]").Count;

    [Fact]
    public void The_status_columns_render_in_order_with_their_totals_and_at_most_a_page_of_cards()
    {
        var board = RenderBoard();

        Assert.Equal(TaskBoard.StatusColumns.Select(s => s.ToString()), board.FindAll("[data-column]").Select(c => c.GetAttribute("data-column")));
        Assert.Equal("60", TotalOf(board, "PENDING"));
        Assert.Equal(BoardQuery.DefaultColumnSize, CardsIn(board, "PENDING"));
        Assert.Equal("0", TotalOf(board, "COMPLETED"));
        Assert.Contains("Done", board.Find("[data-column=COMPLETED] h2").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void In_German_the_board_names_its_controls_counts_and_cards_in_German_and_keeps_the_tasks_names()
    {
        var board = Workflows.Core.Localization.Languages.In("de", () => RenderBoard());

        Assert.Equal("Aufgabenboard", board.Find("h1").TextContent.Trim());
        var labels = board.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Spalten", labels);
        Assert.Contains("Swimlanes", labels);
        Assert.DoesNotContain("Columns", labels);
        Assert.Equal("60 Aufgaben", board.Find("[data-column=PENDING] [data-testid=column-total]").GetAttribute("aria-label"));
        Assert.Contains($"Mehr anzeigen ({60 - BoardQuery.DefaultColumnSize} weitere)", board.Find("[data-column=PENDING] button[aria-label^='Mehr in']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Fällig: ", board.Find("[data-column=PENDING] .wf-board-card").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(board.FindAll("button[aria-label^='Send offer verschieben nach']"));
        Assert.Contains("Gespeicherte Boards", board.Markup, StringComparison.Ordinal);
        foreach (var english in new[] { "Show more", "Saved boards", "Task board", "Due " })
        {
            Assert.DoesNotContain(english, board.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_record_attribute_filter_in_the_url_applies_to_the_board_and_one_that_no_longer_fits_says_so()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(Board + "&attr=amount:greater_than:1000");
        Render<MudPopoverProvider>();
        var board = Render<TaskBoardView>();

        board.WaitForAssertion(() => Assert.Contains("record type", board.Find("[data-testid=filter-problem]").TextContent, StringComparison.Ordinal));
        Assert.Empty(board.FindAll("[data-task]"));
    }

    [Fact]
    public void Show_more_loads_the_next_page_of_that_column_only()
    {
        var board = RenderBoard();

        board.Find("button[aria-label='Show more in Open']").Click();

        board.WaitForAssertion(() => Assert.Equal(2 * BoardQuery.DefaultColumnSize, CardsIn(board, "PENDING")));
        Assert.Equal("60", TotalOf(board, "PENDING"));
        board.Find("button[aria-label='Show more in Open']").Click();
        board.WaitForAssertion(() => Assert.Equal(60, CardsIn(board, "PENDING")));
        Assert.Empty(board.FindAll("button[aria-label='Show more in Open']"));
    }

    [Fact]
    public void A_refused_drop_snaps_the_card_back_and_shows_what_the_task_waits_for()
    {
        var board = RenderBoard();
        var offer = board.FindAll("[data-column=PENDING] [data-task=offer]")[0];
        var executionId = offer.GetAttribute("data-execution");

        offer.ParentElement!.DragStart();
        board.Find($"[data-column=COMPLETED] .mud-drop-zone").Drop();

        board.WaitForAssertion(() => Assert.Contains("waits for: Check documents", board.Find("[data-testid=move-refused]").TextContent, StringComparison.Ordinal));
        Assert.Single(board.FindAll($"[data-column=PENDING] [data-execution='{executionId}'][data-task=offer]"));
        Assert.Empty(board.FindAll("[data-column=COMPLETED] [data-task]"));
        Assert.Equal("0", TotalOf(board, "COMPLETED"));
    }

    [Fact]
    public void A_drop_on_done_completes_the_task_and_the_card_moves_with_the_totals()
    {
        var board = RenderBoard();
        var docs = board.FindAll("[data-column=PENDING] [data-task=docs]")[0];
        var executionId = docs.GetAttribute("data-execution")!;

        docs.ParentElement!.DragStart();
        board.Find("[data-column=COMPLETED] .mud-drop-zone").Drop();

        board.WaitForAssertion(() => Assert.Single(board.FindAll($"[data-column=COMPLETED] [data-execution='{executionId}'][data-task=docs]")));
        Assert.Equal("1", TotalOf(board, "COMPLETED"));
        Assert.Equal("59", TotalOf(board, "PENDING"));
    }

    [Fact]
    public void Move_to_in_a_cards_menu_is_the_keyboard_way_and_is_refused_the_same()
    {
        var board = RenderBoard();

        board.FindAll("[data-column=PENDING] [data-task=offer] button[aria-label^='Move Send offer to']")[0].Click();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-menu-item").Single(i => i.TextContent.Trim() == "Done").Click());

        board.WaitForAssertion(() => Assert.Contains("waits for: Check documents", board.Find("[data-testid=move-refused]").TextContent, StringComparison.Ordinal));
        Assert.Equal("0", TotalOf(board, "COMPLETED"));
    }

    [Fact]
    public void Swimlanes_by_workflow_split_the_loaded_cards_into_rows()
    {
        var board = RenderBoard(Board + "&lanes=workflow");

        Assert.Equal(["Board solar"], board.FindAll("[data-testid=lane]").Select(l => l.TextContent.Trim()));
        Assert.Equal(BoardQuery.DefaultColumnSize, CardsIn(board, "PENDING"));
    }

    [Fact]
    public async Task The_board_opens_as_its_user_chose_before_everyones_default_and_the_menu_sets_that_choice()
    {
        var views = core.GetRequiredService<SavedViewService>();
        var phases = BoardView.Parse(new Dictionary<string, string?> { ["assignee"] = "all", ["template"] = "board-solar", ["columns"] = "phase" });
        var mine = (await views.SaveBoardAsync("My phases", phases, shared: false, manager, CancellationToken.None)).Value!;
        var everyones = (await views.SaveBoardAsync("Everyone", BoardView.Parse(new Dictionary<string, string?> { ["assignee"] = "all" }), shared: true, manager, CancellationToken.None)).Value!;
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, manager.Id), new Claim(ClaimTypes.Role, Roles.Manager)], "test"));
        Assert.True((await views.SetOrganisationDefaultAsync(everyones.Id, SavedView.BoardKind, principal, CancellationToken.None)).Succeeded);
        Assert.True((await views.SetDefaultAsync(mine.Id, SavedView.BoardKind, manager, CancellationToken.None)).Succeeded);

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/board");
        var opened = Render<TaskBoardView>();
        opened.WaitForAssertion(() => Assert.EndsWith("/board?" + mine.Query, navigation.Uri, StringComparison.Ordinal));
        opened.Dispose();

        var board = RenderBoard("/board?assignee=all");
        board.Find("button[aria-label='Saved boards, active: Everyone']").Click();
        popovers.WaitForAssertion(() => popovers.FindAll(".mud-popover-open .mud-menu-item").Single(i => i.TextContent.Contains("Make \"Everyone\" my default", StringComparison.Ordinal)).Click());

        board.WaitForAssertion(() => Assert.Equal(everyones.Id, views.DefaultForAsync(manager.Id, SavedView.BoardKind, CancellationToken.None).Result?.Id));
    }
}
