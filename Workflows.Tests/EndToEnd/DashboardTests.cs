using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class DashboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_manager_filters_a_case_workers_overdue_tasks_hands_two_to_a_partner_and_the_partner_sees_exactly_those()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("manager@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();
        await page.ScreenshotAsync("dashboard-manager-default");

        // Pick the case worker, then only what is overdue: the URL carries the view.
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Assignee" }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Lena Schmidt" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("assignee=user%3A"));
        await page.Locator("[data-card=overdue]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("due=overdue"));
        var rows = page.Locator("[data-testid=task-table] tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("overdue");
        var overdueUrl = page.Url;
        await page.ScreenshotAsync("dashboard-overdue");

        // Back to the case worker's open tasks: select two and hand them to the metering partner.
        await page.Locator("[data-card=open]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("due=overdue"));
        var names = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var row = rows.Nth(i);
            names.Add((await row.Locator("[data-task] a").First.InnerTextAsync()).Trim());
            await row.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {names[^1]}" }).CheckAsync();
        }

        await Assertions.Expect(page.GetByLabel("Bulk actions")).ToContainTextAsync("2 selected");
        await page.GetByTestId("task-table").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("dashboard-two-selected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign…" }).ClickAsync();
        await page.GetByLabel("Search users and partners").FillAsync("Messdienst");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Netzwerk Messdienst AG" }).First.ClickAsync();
        await page.ConfirmAssigneesAsync();
        await Assertions.Expect(page.GetByTestId("bulk-summary")).ToHaveTextAsync("All 2 tasks were updated.");
        await page.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        // Save the overdue view as a shared view.
        await page.GotoAsync(overdueUrl);
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Saved views" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Save this view…" }).ClickAsync();
        await page.GetByLabel("View name").FillAsync("Lena overdue");
        await page.GetByLabel("Share with everyone").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        await Assertions.Expect(page.GetByText("View \"Lena overdue\" saved and shared with everyone.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        // The partner sees exactly the two tasks on their page.
        var partner = await browser.NewPageAsync();
        await partner.LogInAsync("partner@messdienst.demo");
        await partner.WaitForURLAsync("**/partner");
        await partner.WaitForInteractiveAsync();
        var partnerRows = partner.Locator("[data-testid=task-table] tbody tr [data-task] a");
        await Assertions.Expect(partnerRows).ToHaveCountAsync(2 + await CountSeededMeteringTasksAsync());
        foreach (var name in names)
        {
            await Assertions.Expect(partner.Locator("[data-testid=task-table]")).ToContainTextAsync(name);
        }

        await partner.ScreenshotAsync("partner-portal");

        // Nothing else is reachable for a partner.
        await partner.GotoAsync("/entities/contact/contact-001");
        await Assertions.Expect(partner.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        await partner.ScreenshotAsync("partner-access-denied");
        await partner.Context.CloseAsync();
    }

    [Fact]
    public async Task A_partner_sorts_their_tasks_by_a_column_header_and_the_link_reproduces_the_order()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.LogInAsync("partner@solartech.demo");
        await page.WaitForURLAsync("**/partner");
        await page.WaitForInteractiveAsync();
        var table = page.GetByTestId("task-table");
        var names = table.Locator("tbody tr [data-task] a");
        await Assertions.Expect(names.First).ToBeVisibleAsync();
        await page.ScreenshotAsync("partner-portal-default");

        await table.GetByRole(AriaRole.Button, new() { Name = "Sort by Task" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/partner\\?sort=name$"));
        await table.GetByRole(AriaRole.Button, new() { Name = "Sort by Task" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/partner\\?sort=-name$"));
        var descending = await DescendingNamesAsync(names);
        await page.ScreenshotAsync("partner-portal-sorted-by-task");

        await page.GotoAsync(page.Url);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(names.First).ToBeVisibleAsync();
        Assert.Equal(descending, [.. (await names.AllInnerTextsAsync()).Select(n => n.Trim())]);
        await page.Context.CloseAsync();
    }

    /// <summary>Waits until the listed names are in descending order (and not merely all alike) and returns them.</summary>
    private static async Task<List<string>> DescendingNamesAsync(ILocator names)
    {
        List<string> listed = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            listed = [.. (await names.AllInnerTextsAsync()).Select(n => n.Trim())];
            if (listed.SequenceEqual(listed.OrderDescending(StringComparer.Ordinal)) && !listed.SequenceEqual(listed.Order(StringComparer.Ordinal)))
            {
                return listed;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Not in descending order: {string.Join(", ", listed)}");
        return listed;
    }

    private async Task<int> CountSeededMeteringTasksAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<Workflows.Core.Dashboard.TaskSearch>();
        var page = await search.SearchAsync(new Workflows.Core.Dashboard.TaskQuery { AssigneeIds = ["partner-messdienst"] }, CancellationToken.None);
        return page.Total - 2;
    }
}
