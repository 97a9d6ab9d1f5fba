using Microsoft.Playwright;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.EndToEnd;

/// <summary>Text that must not break or be cut, measured in Chromium: sidebar lists and due texts, canvas badges, chart labels.</summary>
[Collection(nameof(EndToEnd))]
public sealed class RoughEdgeLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Record = "opportunity-010";

    [Fact]
    public async Task The_sidebar_keeps_numbered_lists_and_long_due_texts_inside_the_column_and_lists_the_first_task_first()
    {
        var executionId = await StartLayoutWorkflowAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/entities/opportunity/{Record}");
        await page.WaitForInteractiveAsync();
        var card = page.Locator($"[data-execution='{executionId}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        await card.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("sidebar-layout-check");

        Assert.Equal("check", await card.Locator("[data-task]").First.GetAttributeAsync("data-task"));

        var list = card.Locator("[data-task=check] .wf-task-description ol");
        var column = card.Locator("[data-task=check] .wf-task-description");
        var listBox = (await list.BoundingBoxAsync())!;
        var columnBox = (await column.BoundingBoxAsync())!;
        var indent = await list.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).paddingLeft)");
        Assert.True(listBox.X >= columnBox.X - 0.5, $"list starts at {listBox.X}, column at {columnBox.X}");
        Assert.True(indent >= 12, $"the numbers need room inside the column; the list is indented {indent}px");

        var due = card.Locator("[data-task=report] [data-testid=due]");
        await Assertions.Expect(due).ToContainTextAsync("is finished");
        var (scroll, client) = await Widths(due);
        Assert.True(scroll <= client, $"the due text is cut: {scroll}px of text in {client}px");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_builders_node_badges_are_shown_whole_inside_their_node()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/builder/new?from=solar-installation");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".wf-task-badge").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit to view" }).ClickAsync();
        await page.ScreenshotAsync("builder-node-badges");

        var cut = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.wf-task-node')].flatMap(node => {
                const box = node.getBoundingClientRect();
                return [...node.querySelectorAll('.wf-task-meta > span')]
                    .filter(s => s.scrollWidth > s.clientWidth + 0.5 || s.getBoundingClientRect().bottom > box.bottom + 0.5
                        || s.getBoundingClientRect().right > box.right + 0.5)
                    .map(s => `${node.dataset.taskId}: ${s.textContent}`);
            })
            """);
        Assert.Empty(cut);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_charts_axis_labels_are_readable()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("manager@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".wf-chart .mud-charts-yaxis text").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("dashboard-charts");

        var smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('.wf-chart .mud-charts-yaxis text, .wf-chart .mud-charts-xaxis text')].filter(t => t.textContent.trim()).map(t => t.getBoundingClientRect().height))");
        Assert.True(smallest >= 11, $"the smallest axis label is {smallest}px high");
        Assert.Equal(0, await page.Locator("[data-card] h1, [data-card] h2, [data-card] h3, [data-card] h4, [data-card] h5, [data-card] h6").CountAsync());
        await page.Context.CloseAsync();
    }

    private static async Task<(double Scroll, double Client)> Widths(ILocator element)
    {
        var widths = await element.EvaluateAsync<double[]>("e => [e.scrollWidth, e.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>A workflow whose first task sits in a phase listed after a loose task, with a numbered list and a long due rule.</summary>
    private async Task<string> StartLayoutWorkflowAsync()
    {
        var actor = new Actor("layout-test", "Layout test");
        var template = ATemplate("Layout check")
            .WithPhase("prep", "Preparation")
            .WithTask("report", "Write the final installation report for the customer")
            .Due(3, TimeUnit.Days, DueDateType.TASK_FINISHED, taskId: "check")
            .WithTask("check", "Check documents").InPhase("prep")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
                t.Tasks.Single(x => x.Id == "check").Description = new TaskDescription
                {
                    Enabled = true,
                    Value = "Before the visit:\n\n1. Call the customer and confirm the date\n2. Check the roof photos for shading\n3. Order the panels",
                };
                t.Tasks.Single(x => x.Id == "check").Name = "Check documents and prepare the installation visit with the customer";
            })
            .Chain("check", "report")
            .Build();
        await using var scope = browser.App.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, actor, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        var started = await scope.ServiceProvider.GetRequiredService<FlowExecutionService>().StartAsync(
            saved.Value.Id!, [new EntityRef { EntityId = Record, EntitySchema = "opportunity" }], actor, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        return started.Value.Id;
    }
}
