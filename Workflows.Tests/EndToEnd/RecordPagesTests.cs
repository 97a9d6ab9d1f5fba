using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class RecordPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_case_worker_finds_a_contact_edits_it_and_sees_the_change_after_reload()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");

        await page.GotoAsync("/entities/contact");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Search Contacts" }).FillAsync("müller");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Jürgen Müller" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Anneliese Schröder" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync("records-contact-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "Jürgen Müller" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/entities/contact/contact-001$"));
        await page.WaitForInteractiveAsync();
        var city = page.GetByLabel("City");
        await city.FillAsync("Garmisch-Partenkirchen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();
        await page.ScreenshotAsync("records-contact-page");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("City")).ToHaveValueAsync("Garmisch-Partenkirchen");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_case_worker_links_a_contact_by_typing_part_of_its_name_and_sees_its_title_after_reload()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");

        await page.GotoAsync("/entities/order/order-002");
        await page.WaitForInteractiveAsync();
        var contact = page.GetByRole(AriaRole.Group, new() { Name = "Contact", Exact = true });
        var remove = contact.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove ") });
        await Assertions.Expect(remove).ToHaveCountAsync(1);
        await remove.ClickAsync();
        await Assertions.Expect(contact.GetByText("None linked.")).ToBeVisibleAsync();

        var search = contact.Locator("input").First;
        await search.ClickAsync();
        await search.PressSequentiallyAsync("schrö", new() { Delay = 40 });
        await Assertions.Expect(search).ToHaveValueAsync("schrö");
        var suggestions = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(suggestions).ToHaveTextAsync(["Anneliese Schröder"]);
        await page.ScreenshotAsync("records-relation-picker");
        await search.PressAsync("ArrowDown");
        await search.PressAsync("Enter");
        await Assertions.Expect(contact.GetByRole(AriaRole.Link, new() { Name = "Open Anneliese Schröder" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var link = page.GetByRole(AriaRole.Group, new() { Name = "Contact", Exact = true }).GetByRole(AriaRole.Link, new() { Name = "Open Anneliese Schröder" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await page.ScreenshotAsync("records-relation-linked");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "/entities/contact/contact-002");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Creating_a_record_without_its_required_fields_is_refused_with_what_is_missing()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/entities/order");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "New order" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Order number is required.")).ToBeVisibleAsync();
        await page.ScreenshotAsync("records-new-order-invalid");

        await page.GetByLabel("Order number").FillAsync("ORD-2026-9999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/entities/order/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ORD-2026-9999" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("caseworker@workflows.demo", false)]
    [InlineData("manager@workflows.demo", false)]
    [InlineData("builder@workflows.demo", false)]
    [InlineData("admin@workflows.demo", true)]
    public async Task Only_an_admin_is_offered_to_delete_a_record_or_its_workflow(string user, bool offered)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(user);
        await page.GotoAsync("/entities/opportunity/opportunity-001");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Workflow actions for Solar installation" }).ClickAsync();
        var menu = page.Locator(".mud-popover-open:has([role=menuitem])");
        await Assertions.Expect(menu.GetByRole(AriaRole.Menuitem).First).ToBeVisibleAsync();
        await page.ScreenshotAsync($"records-delete-offered-to-{user.Split('@')[0]}");

        await Assertions.Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "Delete workflow…" })).ToHaveCountAsync(offered ? 1 : 0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true })).ToHaveCountAsync(offered ? 1 : 0);
        await page.Context.CloseAsync();
    }
}
