using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>Escape closes a menu, whichever menu it is: the user menu, a saved-views menu, a workflow's and a task's actions.</summary>
[Collection(nameof(EndToEnd))]
public sealed class MenuKeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task EscapeClosesAsync(IPage page, ILocator opener, string item)
    {
        await opener.ClickAsync();
        var entry = page.GetByRole(AriaRole.Menuitem, new() { Name = item });
        await Assertions.Expect(entry).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(entry).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Escape_closes_the_user_menu_the_saved_views_and_the_workflow_and_task_menus()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("manager@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();

        await EscapeClosesAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "User menu" }), "Log out");
        await EscapeClosesAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Saved views" }), "Save this view…");

        await page.GotoAsync("/entities/opportunity/opportunity-006");
        await page.WaitForInteractiveAsync();
        await EscapeClosesAsync(page, page.GetByLabel("Workflow actions for Solar installation").First, "Share progress with customer…");
        await EscapeClosesAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Actions for Qualify lead" }).First, "Mark as done");

        // A menu's dialog under an open menu stays: Escape closes the menu first, then the dialog.
        await page.GetByLabel("Workflow actions for Solar installation").First.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Share progress with customer…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Share progress with customer" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Share progress with customer…" })).ToBeHiddenAsync();
        // The keyboard is in the dialog, not on the menu's button the closed menu would hand it back to.
        await page.WaitForTimeoutAsync(500);
        Assert.True(await dialog.EvaluateAsync<bool>("d => d.contains(document.activeElement)"), "the focus left the dialog");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }
}
