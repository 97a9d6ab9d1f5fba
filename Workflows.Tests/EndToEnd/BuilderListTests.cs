using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// The builder's list of templates: labels and the filters that keep 100+ templates manageable; and what leaves the
/// builder: the diagram as SVG and PNG, and a printable overview.
/// </summary>
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
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/builder/[^/?]+$"));
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

    [Fact]
    public async Task The_diagram_downloads_as_svg_and_png_and_the_printable_overview_lists_every_phase_and_task()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Solar installation", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/builder/[^/?]+$"));
        await Assertions.Expect(page.Locator(".wf-task-node").First).ToBeVisibleAsync();
        var taskNames = await page.Locator(".wf-task-name").AllInnerTextsAsync();

        var svg = await DownloadAsync(page, "Diagram as SVG");
        Assert.Equal("solar-installation.svg", svg.Name);
        var drawing = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(svg.Bytes)).Root!;
        Assert.Equal(taskNames.Count, drawing.Descendants().Count(e => e.Attribute("data-task") is not null));
        var png = await DownloadAsync(page, "Diagram as PNG");
        Assert.Equal("solar-installation.png", png.Name);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Bytes[..4]);
        var pngWidth = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.Bytes.AsSpan(16, 4));
        Assert.Equal(2 * double.Parse((string)drawing.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture), pngWidth, 1.0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Export diagram" }).ClickAsync();
        var overview = await page.Context.RunAndWaitForPageAsync(() =>
            page.GetByRole(AriaRole.Menuitem, new() { Name = "Printable overview" }).ClickAsync());
        await Assertions.Expect(overview).ToHaveURLAsync(new Regex("/builder/[^/]+/overview$"));
        var article = overview.GetByRole(AriaRole.Article);
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Name = "Solar installation", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(article.GetByRole(AriaRole.Img, new() { Name = "Diagram of Solar installation" })).ToBeVisibleAsync();
        Assert.True(await article.GetByRole(AriaRole.Img).EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The diagram is drawn.");
        foreach (var name in taskNames)
        {
            await Assertions.Expect(article.Locator("td", new() { HasTextString = name }).First).ToBeVisibleAsync();
        }

        await overview.ScreenshotAsync("builder-overview");
        await overview.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(overview.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    private static async Task<(string Name, byte[] Bytes)> DownloadAsync(IPage page, string item)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Export diagram" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Menuitem, new() { Name = item }).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return (download.SuggestedFilename, copy.ToArray());
    }
}
