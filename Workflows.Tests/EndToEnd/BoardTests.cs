using Microsoft.Playwright;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class BoardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Url = "/board?assignee=all&template=e2e-board";

    [Fact]
    public async Task A_manager_drags_a_card_to_done_and_a_second_browser_sees_it_move()
    {
        var executionId = await StartWorkflowAsync();
        var manager = await OpenBoardAsync("manager@workflows.demo");
        var admin = await OpenBoardAsync("admin@workflows.demo");
        await manager.ScreenshotAsync("board-by-status");

        var docs = manager.Locator($"[data-column=PENDING] [data-execution='{executionId}'][data-task=docs]");
        await DragAsync(manager, docs, manager.Locator("[data-column=COMPLETED] .mud-drop-zone"));

        await Assertions.Expect(manager.Locator($"[data-column=COMPLETED] [data-execution='{executionId}'][data-task=docs]")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("[data-column=COMPLETED] [data-testid=column-total]")).ToHaveTextAsync("1");
        // The other browser was not touched: the change reaches it live.
        await Assertions.Expect(admin.Locator($"[data-column=COMPLETED] [data-execution='{executionId}'][data-task=docs]")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator($"[data-column=PENDING] [data-execution='{executionId}'][data-task=docs]")).ToHaveCountAsync(0);
        await admin.ScreenshotAsync("board-second-browser-after-move");

        // A locked task refuses, snaps back and says what it waits for.
        var install = manager.Locator("[data-column=PENDING] [data-task=install]").First;
        await DragAsync(manager, install, manager.Locator("[data-column=COMPLETED] .mud-drop-zone"));
        await Assertions.Expect(manager.GetByTestId("move-refused")).ToContainTextAsync("waits for: Mount panels");
        await Assertions.Expect(manager.Locator("[data-column=COMPLETED] [data-task=install]")).ToHaveCountAsync(0);
        await manager.ScreenshotAsync("board-refused-move");

        await manager.GotoAsync(Url + "&lanes=assignee");
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.GetByTestId("lane").First).ToBeVisibleAsync();
        await manager.ScreenshotAsync("board-swimlanes-by-assignee");

        await manager.GotoAsync(Url + "&columns=phase");
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.Locator("[data-column='Installation']")).ToBeVisibleAsync();
        await manager.ScreenshotAsync("board-by-phase");
        await manager.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    /// <summary>A person's drag: press on the card, move over the column in steps (HTML5 drag starts on movement), release.</summary>
    private static async Task DragAsync(IPage page, ILocator card, ILocator zone)
    {
        var from = (await card.BoundingBoxAsync())!;
        var to = (await zone.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + (from.Width / 2) + 10, from.Y + (from.Height / 2) + 10, new() { Steps = 5 });
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + Math.Min(20, to.Height / 2), new() { Steps = 20 });
        await page.Mouse.UpAsync();
    }

    private async Task<IPage> OpenBoardAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1920, 1000);
        await page.LogInAsync(email);
        await page.GotoAsync(Url);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-column=PENDING]")).ToBeVisibleAsync();
        return page;
    }

    private async Task<string> StartWorkflowAsync()
    {
        var lena = new Actor("lena", "Lena Schmidt");
        await using var scope = browser.App.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<FlowTemplateService>();
        var executions = scope.ServiceProvider.GetRequiredService<FlowExecutionService>();
        if (await templates.GetAsync("e2e-board", CancellationToken.None) is null)
        {
            var template = ATemplate("Heat pump")
                .WithPhase("p1", "Preparation").WithPhase("p2", "Installation")
                .WithTask("docs", "Check documents").InPhase("p1").AssignedTo(Assignee.Of("partner-solartech"))
                .WithTask("mount", "Mount panels").InPhase("p2").Requires("docs")
                .WithTask("install", "Install heat pump").InPhase("p2").Requires("mount")
                .With(t => t.Id = "e2e-board")
                .Build();
            Assert.True((await templates.SaveAsync(template, null, lena, CancellationToken.None)).Succeeded);
        }

        var started = await executions.StartAsync("e2e-board", [new EntityRef { EntityId = "opportunity-001" }], lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        return started.Value.Id;
    }
}
