using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class AdminTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_defines_a_record_type_with_a_unique_attribute_and_case_workers_can_create_such_records()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("admin@workflows.demo");
        await page.WaitForURLAsync("**/admin");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Record types" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New record type" }).ClickAsync();
        await page.GetByLabel("Slug").FillAsync("meter");
        await page.GetByLabel("Name", new() { Exact = true }).First.FillAsync("Meter");
        await page.GetByLabel("Plural").FillAsync("Meters");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Unique" }).CheckAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Unique" })).ToBeCheckedAsync();
        await page.ScreenshotAsync("admin-record-type-unique");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save record type" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Record type \"Meter\" saved.")).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-record-types");
        var saved = await browser.App.Services.GetRequiredService<Workflows.Core.Entities.EntityService>().GetSchemaAsync("meter", CancellationToken.None);
        Assert.True(saved!.Attributes.Single(a => a.Name == "name").Unique);

        await page.GotoAsync("/entities/meter");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meters" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_sees_every_users_tokens_and_revokes_one()
    {
        await ApiClients.CreateTokenAsync(browser.App, "caseworker@workflows.demo");
        var page = await browser.NewPageAsync();
        await page.LogInAsync("admin@workflows.demo");
        await page.WaitForURLAsync("**/admin");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "API tokens" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke test token of caseworker@workflows.demo of Lena Schmidt" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("revoked", new() { Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync("admin-api-tokens");
        await page.Context.CloseAsync();
    }
}
