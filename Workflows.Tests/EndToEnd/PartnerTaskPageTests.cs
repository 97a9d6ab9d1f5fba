using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// A partner opens a task from their list on its own page: its description and the commands it offers, its notes
/// (which they add to), none of the managing actions; a task that is not theirs is "not found".
/// </summary>
public sealed class PartnerTaskPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_partner_opens_a_task_from_the_list_reads_it_and_adds_a_note()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 860);
        await page.LogInAsync("partner@solartech.demo");
        await page.WaitForURLAsync("**/partner");
        await page.WaitForInteractiveAsync();
        var first = page.GetByTestId("task-table").Locator("tbody tr [data-task] a").First;
        var name = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();

        await page.WaitForURLAsync("**/partner/tasks/**");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("task-context")).ToContainTextAsync("·");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Notes…" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Menuitem, new() { Name = "Assign…" }).CountAsync());
        await page.ScreenshotAsync("partner-task-page");

        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Notes…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("New note (Markdown)").FillAsync("Roof photos are uploaded.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".wf-note-body", new() { HasTextString = "Roof photos are uploaded." })).ToBeVisibleAsync();
        await page.ScreenshotAsync("partner-task-page-notes");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("note-count")).ToBeVisibleAsync();

        var taskUrl = new Uri(page.Url);
        var executionPath = taskUrl.AbsolutePath[..taskUrl.AbsolutePath.LastIndexOf('/')];
        await page.GotoAsync(executionPath + "/no-such-task");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("task-refusal")).ToContainTextAsync("There is no task 'no-such-task' of yours");
        await page.Context.CloseAsync();
    }
}
