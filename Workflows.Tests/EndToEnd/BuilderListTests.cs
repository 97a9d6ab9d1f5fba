using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>The builder's list of templates: labels, and the filters that keep 100+ templates manageable.</summary>
[Collection(nameof(EndToEnd))]
public sealed class BuilderListTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_builder_labels_a_workflow_in_its_settings_and_finds_it_again_by_label_status_running_workflows_and_trigger()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.WaitForInteractiveAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Workflows" });
        var rows = table.Locator("tbody tr");
        await Assertions.Expect(table).ToContainTextAsync("Meter change");
        await page.ScreenshotAsync("builder-list-labels");

        // The gallery's categories are labels: one click on a label keeps only the workflows that carry it.
        await rows.Filter(new() { HasText = "Meter change" }).GetByText("Metering", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("labels=Metering"));
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Meter change");

        // Label the meter change "Bavaria" in its settings and save.
        await rows.First.GetByRole(AriaRole.Link, new() { Name = "Meter change", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/builder/[^/?]+$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Workflow settings" }).ClickAsync();
        var settings = page.GetByRole(AriaRole.Dialog, new() { Name = "Workflow settings" });
        var labels = settings.GetByRole(AriaRole.Group, new() { Name = "Workflow labels" });
        await labels.Locator("input").FillAsync("Bavaria");
        await labels.Locator("input").PressAsync("Enter");
        await Assertions.Expect(labels.Locator("[data-label=Bavaria]")).ToBeVisibleAsync();
        await labels.Locator("input").FillAsync("metering");
        await labels.Locator("input").PressAsync("Enter");
        await Assertions.Expect(labels).ToContainTextAsync("already has the label");
        await page.ScreenshotAsync("builder-settings-labels");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".wf-builder-status")).ToContainTextAsync("Saved as version");

        // Back in the list: found by both labels, and by what the other filters say about it.
        await page.GotoAsync("/builder?labels=Bavaria,Metering&enabled=true&running=true&trigger=manual");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Bavaria");
        await page.ScreenshotAsync("builder-list-filtered");
        await page.GotoAsync("/builder?labels=Bavaria&running=false");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(table).ToContainTextAsync("No workflows match these filters.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset filters" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/builder$"));
        await Assertions.Expect(table).ToContainTextAsync("Solar installation");
        await page.Context.CloseAsync();
    }
}
