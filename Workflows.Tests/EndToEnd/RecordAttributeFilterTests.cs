using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>Issue 20: an admin marks an attribute filterable, and a manager filters the dashboard by a record attribute.</summary>
[Collection(nameof(EndToEnd))]
public sealed class RecordAttributeFilterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_marks_an_attribute_filterable_in_the_record_type_dialog()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("admin@workflows.demo");
        await page.WaitForURLAsync("**/admin");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Record types" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New record type" }).ClickAsync();
        await page.GetByLabel("Slug").FillAsync("plant");
        await page.GetByLabel("Name", new() { Exact = true }).First.FillAsync("Plant");
        await page.GetByLabel("Plural").FillAsync("Plants");
        await page.GetByLabel("Filterable").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Filterable")).ToBeCheckedAsync();
        await page.ScreenshotAsync("admin-record-type-filterable");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save record type" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Record type \"Plant\" saved.")).ToBeVisibleAsync();

        var saved = await browser.App.Services.GetRequiredService<Workflows.Core.Entities.EntityService>().GetSchemaAsync("plant", CancellationToken.None);
        Assert.True(saved!.Attributes.Single(a => a.Name == "name").Filterable);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_filters_the_dashboard_by_the_records_amount_and_the_link_keeps_the_filter()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("manager@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/dashboard?assignee=all&schema=opportunity");
        await page.WaitForInteractiveAsync();
        var rows = page.Locator("[data-testid=task-table] tbody tr [data-task]");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();

        await page.GetByTestId("add-record-attribute-filter").ClickAsync();
        var dialog = page.GetByTestId("record-attribute-filter");
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Attribute" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Amount (EUR)" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "Operator" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "> more than" }).ClickAsync();
        await dialog.GetByLabel("Value").FillAsync("10000");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add filter" })).ToBeEnabledAsync();
        await page.ScreenshotAsync("dashboard-record-attribute-dialog");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add filter" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("attr=amount%3Agreater_than%3A10000$"));
        await Assertions.Expect(page.GetByTestId("record-attribute-chip")).ToHaveTextAsync("Amount (EUR) > 10000");
        await Assertions.Expect(page.GetByTestId("shown-view")).ToHaveAttributeAsync("data-query", new Regex("attr="));
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        foreach (var row in await page.Locator("[data-testid=task-table] tbody tr").AllInnerTextsAsync())
        {
            Assert.Matches("Solar|Heat pump", row);
        }

        await page.ScreenshotAsync("dashboard-record-attribute-filtered");

        await page.GotoAsync(page.Url);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("record-attribute-chip")).ToHaveTextAsync("Amount (EUR) > 10000");
        await page.Context.CloseAsync();
    }
}
