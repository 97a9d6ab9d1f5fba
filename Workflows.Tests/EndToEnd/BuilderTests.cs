using Microsoft.Playwright;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class BuilderTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_gallery_template_opens_on_the_canvas_and_a_task_shows_its_details()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");

        await page.GotoAsync("/builder/new?from=solar-installation");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".wf-task-node").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit to view" }).ClickAsync();
        await Assertions.Expect(page.Locator(".diagram-link path").First).ToBeAttachedAsync();
        await page.ScreenshotAsync("builder-canvas");

        await page.Locator(".wf-task-node").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Task details" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("builder-task-panel");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The canvas moves only by its own pan: focusing a node outside the visible part (a click near the edge, a screen
    /// reader, the keyboard) once made the browser scroll the canvas natively, so the whole diagram jumped away from
    /// the details panel and its ports no longer met the pointer.
    /// </summary>
    [Fact]
    public async Task Focusing_a_node_outside_the_visible_canvas_does_not_scroll_the_canvas_away()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/builder/new?from=solar-installation");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".wf-task-node").First).ToBeVisibleAsync();
        await page.Locator(".wf-task-node").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Task details" })).ToBeVisibleAsync();
        var first = await page.Locator(".wf-task-node").First.BoundingBoxAsync();

        await page.Locator(".wf-task-node").Last.EvaluateAsync("node => node.focus()");

        Assert.Equal(0, await page.Locator(".diagram-canvas").EvaluateAsync<int>("canvas => canvas.scrollLeft + canvas.scrollTop"));
        Assert.Equal(first!.X, (await page.Locator(".wf-task-node").First.BoundingBoxAsync())!.X, precision: 0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_automation_task_picks_its_automation_by_name_with_the_keyboard()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/builder/new?from=solar-installation");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit to view" }).ClickAsync();
        await Node(page, "Send offer e-mail").ClickAsync();
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Task details" });
        await ExpectFieldAsync(details, "Automation to run", "Send solar offer e-mail");

        await Control(details, "Automation to run").Locator("input").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(options.Filter(new() { HasText = "Send meter appointment notice" })).ToBeVisibleAsync();
        await Assertions.Expect(options.First).ToHaveTextAsync("None");
        await options.First.EvaluateAsync("e => Promise.all(e.closest('.mud-popover').getAnimations().map(a => a.finished))");
        await page.ScreenshotAsync("builder-automation-picker");

        await options.Filter(new() { HasText = "Send welcome e-mail" }).ClickAsync();
        await ExpectFieldAsync(details, "Automation to run", "Send welcome e-mail");
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByText("Saved as version 1.")).ToBeVisibleAsync();
        // Polled: saving a new workflow replaces the address within the page, which a navigation waiter can miss.
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Tasks_dragged_onto_the_canvas_and_connected_are_saved_with_ctrl_s_and_come_back_intact()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/builder/new");
        await page.WaitForInteractiveAsync();
        var canvas = page.Locator(".wf-canvas-area");
        var manualTask = page.Locator(".wf-palette-item", new() { HasText = "Manual task" });

        await manualTask.DragToAsync(canvas, new() { TargetPosition = new() { X = 200, Y = 150 } });
        await RenameSelectedTaskAsync(page, "Check documents");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close task details" }).ClickAsync();
        await manualTask.DragToAsync(canvas, new() { TargetPosition = new() { X = 560, Y = 150 } });
        await RenameSelectedTaskAsync(page, "Install system");
        await ChooseAsync(page, "Due date", "Dynamic (after an event)");
        await page.GetByLabel("Duration").FillAsync("3");
        await page.GetByLabel("Duration").PressAsync("Tab");

        var from = page.Locator(".wf-task-node", new() { HasText = "Check documents" }).Locator(".wf-port-out");
        var to = page.Locator(".wf-task-node", new() { HasText = "Install system" }).Locator(".wf-port-in");
        await ConnectAsync(page, from, to);
        await Assertions.Expect(page.Locator(".diagram-link path").First).ToBeAttachedAsync();
        await page.ScreenshotAsync("builder-new-workflow");

        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByText("Saved as version 1.")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/builder/[0-9a-f-]{36}$"));

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".wf-task-node", new() { HasText = "Check documents" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".diagram-link path").First).ToBeAttachedAsync();
        await page.Locator(".wf-task-node", new() { HasText = "Install system" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Duration")).ToHaveValueAsync("3");
        await page.ScreenshotAsync("builder-reloaded");

        // A second save, then the version history shows what changed since the first.
        await RenameSelectedTaskAsync(page, "Install PV system");
        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.GetByText("Saved as version 2.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Version history" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Changes since version 1" }).ClickAsync();
        var changes = page.GetByRole(AriaRole.Region, new() { Name = "Changes" });
        await Assertions.Expect(changes).ToContainTextAsync("From version 1 to version 2 (current)");
        await Assertions.Expect(changes).ToContainTextAsync("Task 'Install system' renamed to 'Install PV system'");
        await page.ScreenshotAsync("builder-version-changes");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saving_is_refused_while_the_problems_list_has_entries()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/builder/new");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add automation task" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Not saved: Automation task 'New automation' has no automation to run.")).ToBeVisibleAsync();
        var problems = page.GetByRole(AriaRole.Region, new() { Name = "Problems" });
        await problems.GetByText("has no automation to run").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Task details" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("builder-problems");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_workflow_built_from_scratch_comes_back_intact_after_reload_and_runs_from_a_record()
    {
        const string name = "Opportunity follow-up";
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Workflows" })).ToContainTextAsync("Solar installation");
        await page.ScreenshotAsync("builder-e2e-0-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "New workflow" }).ClickAsync();
        await page.WaitForURLAsync("**/builder/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Palette" })).ToBeVisibleAsync();

        // Workflow settings: a name, and started by hand on opportunities, whose attributes the decision tests.
        await page.GetByRole(AriaRole.Button, new() { Name = "Workflow settings" }).ClickAsync();
        var settings = page.GetByRole(AriaRole.Dialog, new() { Name = "Workflow settings" });
        await FillAsync(settings.GetByLabel("Workflow name"), name);
        await ChooseAsync(page, settings, "Record type", "Opportunity");
        await page.ScreenshotAsync("builder-e2e-1-settings");
        await settings.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();

        // Two phases, added from the palette by click.
        await AddPhaseAsync(page, "Qualification");
        await AddPhaseAsync(page, "Delivery");
        await page.ScreenshotAsync("builder-e2e-2-phases");

        // Four tasks, each put into its phase from the details panel.
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Task details" });
        await AddTaskAsync(page, "Add manual task", "Qualify opportunity", "Qualification");
        await AddTaskAsync(page, "Add decision", "Check amount", "Qualification");
        await AddTaskAsync(page, "Add manual task", "Large project review", "Delivery", keepOpen: true);
        await ChooseAsync(page, details, "Due date", "Dynamic (after an event)");
        await FillAsync(details.GetByLabel("Duration"), "3");
        await page.ScreenshotAsync("builder-e2e-3-due-date");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close task details" }).ClickAsync();
        await AddTaskAsync(page, "Add manual task", "Standard offer", "Delivery", keepOpen: true);
        await ChooseAsync(page, details, "Required tasks", "Qualify opportunity");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Node(page, "Standard offer")).ToContainTextAsync("1 requirement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close task details" }).ClickAsync();

        // Connect them on the canvas: qualify → decision → one task per branch.
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit to view" }).ClickAsync();
        await ConnectAsync(page, Node(page, "Qualify opportunity").Locator(".wf-port-out"), Node(page, "Check amount").Locator(".wf-port-in"));
        await ConnectAsync(page, Node(page, "Check amount").Locator(".wf-port-out"), Node(page, "Large project review").Locator(".wf-port-in"));
        await ConnectAsync(page, Node(page, "Check amount").Locator(".wf-port-out"), Node(page, "Standard offer").Locator(".wf-port-in"));
        await Assertions.Expect(page.Locator(".diagram-link path")).Not.ToHaveCountAsync(0);

        // The decision: "Large" when the amount is above 10,000, "Small" otherwise, each with its connection.
        await Node(page, "Check amount").ClickAsync();
        await Assertions.Expect(details.GetByRole(AriaRole.Heading, new() { Name = "Decision" })).ToBeVisibleAsync();
        await FillAsync(details.GetByRole(AriaRole.Group, new() { Name = "Branch Yes" }).GetByLabel("Branch name"), "Large");
        await AddStatementAsync(page, details.GetByRole(AriaRole.Group, new() { Name = "Branch Large" }), "is greater than", "10000");
        await details.GetByRole(AriaRole.Button, new() { Name = "Add branch" }).ClickAsync();
        await FillAsync(details.GetByRole(AriaRole.Group, new() { Name = "Branch Branch 2" }).GetByLabel("Branch name"), "Small");
        await AddStatementAsync(page, details.GetByRole(AriaRole.Group, new() { Name = "Branch Small" }), "is at most", "10000");
        await ChooseAsync(page, details, "Connection to Large project review", "Large");
        await ChooseAsync(page, details, "Connection to Standard offer", "Small");
        await Assertions.Expect(page.Locator(".diagram-link", new() { HasText = "Small" })).ToBeAttachedAsync();
        await page.ScreenshotAsync("builder-e2e-4-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close task details" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Auto-layout" }).ClickAsync();
        await Assertions.Expect(page.Locator(".wf-builder-status")).ToContainTextAsync("Arranged left to right");
        await page.ScreenshotAsync("builder-e2e-5-arranged");

        await page.Keyboard.PressAsync("Control+s");
        await Assertions.Expect(page.Locator(".wf-builder-status")).ToHaveTextAsync("Saved as version 1.");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/builder/[0-9a-f-]{36}$"));
        await page.ScreenshotAsync("builder-e2e-6-saved");

        // After a reload everything is still there.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit to view" }).ClickAsync();
        await Assertions.Expect(page.Locator(".wf-task-node")).ToHaveCountAsync(4);
        await Assertions.Expect(Phase(page, "Qualification").Locator(".wf-task-node")).ToHaveCountAsync(2);
        await Assertions.Expect(Phase(page, "Delivery").Locator(".wf-task-node")).ToHaveCountAsync(2);
        await Assertions.Expect(Phase(page, "Qualification")).ToContainTextAsync("Qualify opportunity");
        await Assertions.Expect(Phase(page, "Qualification")).ToContainTextAsync("Check amount");
        await Assertions.Expect(Phase(page, "Delivery")).ToContainTextAsync("Large project review");
        await Assertions.Expect(Phase(page, "Delivery")).ToContainTextAsync("Standard offer");
        await Assertions.Expect(page.Locator(".diagram-link")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".diagram-link", new() { HasText = "Large" })).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".diagram-link", new() { HasText = "Small" })).ToBeAttachedAsync();
        await Assertions.Expect(Node(page, "Standard offer")).ToContainTextAsync("1 requirement");
        await page.ScreenshotAsync("builder-e2e-7-reloaded");

        await Node(page, "Check amount").ClickAsync();
        var large = details.GetByRole(AriaRole.Group, new() { Name = "Branch Large" });
        await Assertions.Expect(large.GetByLabel("Value", new() { Exact = true })).ToHaveValueAsync("10000");
        await ExpectFieldAsync(large, "Attribute", "Amount (EUR)");
        await ExpectFieldAsync(large, "Operator", "is greater than");
        await ExpectFieldAsync(details.GetByRole(AriaRole.Group, new() { Name = "Branch Small" }), "Operator", "is at most");
        await ExpectFieldAsync(details, "Connection to Large project review", "Large");
        await ExpectFieldAsync(details, "Connection to Standard offer", "Small");
        await page.ScreenshotAsync("builder-e2e-8-reloaded-decision");

        // The next tasks lie beyond the part of the canvas the open panel leaves: closing it brings them into view.
        await page.GetByRole(AriaRole.Button, new() { Name = "Close task details" }).ClickAsync();
        await Node(page, "Large project review").ClickAsync();
        await Assertions.Expect(details.GetByLabel("Duration")).ToHaveValueAsync("3");
        await ExpectFieldAsync(details, "Due date", "Dynamic (after an event)");
        await ExpectFieldAsync(details, "Phase", "Delivery");
        await Node(page, "Standard offer").ClickAsync();
        await ExpectFieldAsync(details, "Required tasks", "Qualify opportunity");
        await page.Context.CloseAsync();

        // A case worker starts it on a large opportunity and works through it in the record's sidebar.
        var worker = await browser.NewPageAsync();
        await worker.LogInAsync("caseworker@workflows.demo");
        await worker.WaitForURLAsync("**/dashboard");
        await worker.GotoAsync("/entities/opportunity/opportunity-011");
        await worker.WaitForInteractiveAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Trigger new workflow" }).ClickAsync();
        await worker.GetByText(name, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(worker.GetByTestId("trigger-preview")).ToContainTextAsync("Qualification: Qualify opportunity, Check amount");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Start workflow" }).ClickAsync();
        await Assertions.Expect(worker.GetByText($"\"{name}\" started.")).ToBeVisibleAsync();
        foreach (var task in new[] { "Qualify opportunity", "Check amount", "Large project review", "Standard offer" })
        {
            await Assertions.Expect(SidebarTask(worker, task)).ToBeVisibleAsync();
        }

        await Assertions.Expect(SidebarTask(worker, "Qualify opportunity")).ToHaveAttributeAsync("data-status", "PENDING");
        await worker.ScreenshotAsync("builder-e2e-9-sidebar");

        // Done with qualifying, the decision sends this 22,400 EUR opportunity down the "Large" branch.
        await worker.GetByRole(AriaRole.Button, new() { Name = "Actions for Qualify opportunity" }).First.ClickAsync();
        await worker.Locator(".mud-popover-open").GetByRole(AriaRole.Menuitem, new() { Name = "Mark as done" }).ClickAsync();
        await Assertions.Expect(SidebarTask(worker, "Qualify opportunity")).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Assertions.Expect(SidebarTask(worker, "Standard offer")).ToHaveAttributeAsync("data-status", "SKIPPED");
        await Assertions.Expect(SidebarTask(worker, "Large project review")).ToHaveAttributeAsync("data-status", "PENDING");
        await worker.ScreenshotAsync("builder-e2e-10-sidebar-decided");
        await worker.Context.CloseAsync();
    }

    private static ILocator Node(IPage page, string name) => page.Locator(".wf-task-node", new() { HasText = name });

    private static ILocator Phase(IPage page, string name) =>
        page.Locator(".wf-phase").Filter(new() { Has = page.Locator(".wf-phase-header", new() { HasTextString = name }) });

    private static ILocator SidebarTask(IPage page, string name) =>
        page.Locator(".wf-task").Filter(new() { Has = page.Locator(".wf-task-name", new() { HasTextString = name }) }).First;

    private static async Task AddPhaseAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add phase" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Phase details" });
        await FillAsync(panel.GetByLabel("Phase name"), name);
        await Assertions.Expect(Phase(page, name)).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Close phase details" }).ClickAsync();
    }

    private static async Task AddTaskAsync(IPage page, string button, string name, string phase, bool keepOpen = false)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await RenameSelectedTaskAsync(page, name);
        await Assertions.Expect(Node(page, name)).ToBeInViewportAsync(new() { Ratio = 1 });
        var details = page.GetByRole(AriaRole.Region, new() { Name = "Task details" });
        await ChooseAsync(page, details, "Phase", phase);
        await Assertions.Expect(Phase(page, phase)).ToContainTextAsync(name);
        if (!keepOpen)
        {
            await details.GetByRole(AriaRole.Button, new() { Name = "Close task details" }).ClickAsync();
        }
    }

    private static async Task AddStatementAsync(IPage page, ILocator branch, string op, string value)
    {
        await branch.GetByRole(AriaRole.Button, new() { Name = "Add statement" }).ClickAsync();
        await ChooseAsync(page, branch, "Attribute", "Amount (EUR)");
        await ChooseAsync(page, branch, "Operator", op);
        await FillAsync(branch.GetByLabel("Value", new() { Exact = true }), value);
    }

    /// <summary>Types into a field and leaves it with Tab, which is when a MudBlazor text field hands over its value.</summary>
    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    private static ILocator Control(ILocator scope, string label) =>
        scope.Locator(".mud-input-control", new() { Has = scope.Page.Locator("label", new() { HasTextRegex = new($"^{System.Text.RegularExpressions.Regex.Escape(label)}$") }) }).First;

    private static async Task ChooseAsync(IPage page, ILocator scope, string label, string option)
    {
        await Control(scope, label).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>What a field shows, whether MudBlazor renders it as an input's value or as text.</summary>
    private static async Task ExpectFieldAsync(ILocator scope, string label, string text)
    {
        var control = Control(scope, label);
        var shown = "";
        for (var attempt = 0; attempt < 50; attempt++)
        {
            shown = await control.EvaluateAsync<string>("e => [...e.querySelectorAll('input')].map(i => i.value).join(' ') + ' ' + e.innerText");
            if (shown.Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The field '{label}' shows '{shown}', not '{text}'.");
    }

    private static async Task RenameSelectedTaskAsync(IPage page, string name)
    {
        var field = page.GetByRole(AriaRole.Region, new() { Name = "Task details" }).GetByLabel("Name", new() { Exact = true });
        await field.FillAsync(name);
        await field.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".wf-task-node", new() { HasText = name })).ToBeVisibleAsync();
    }

    private static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.Locator(".mud-input-control", new() { Has = page.Locator("label", new() { HasTextRegex = new($"^{label}$") }) }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>
    /// Draws a connection by dragging from one port to another, as a person does, once the canvas has come to rest (a
    /// drag aimed at where a port was a moment ago, while "Fit to view" or a re-render still moves it, lands nowhere),
    /// and checks that exactly one connection was added.
    /// </summary>
    private static async Task ConnectAsync(IPage page, ILocator from, ILocator to)
    {
        var links = page.Locator(".diagram-link");
        var before = await links.CountAsync();
        var start = await RestingBoxAsync(from);
        var end = await RestingBoxAsync(to);
        await page.Mouse.MoveAsync(start.X + start.Width / 2, start.Y + start.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((start.X + end.X) / 2, (start.Y + end.Y) / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(end.X + end.Width / 2, end.Y + end.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(links).ToHaveCountAsync(before + 1);
    }

    /// <summary>Where <paramref name="port"/> is once it stopped moving: the same box on two reads 100 ms apart.</summary>
    private static async Task<LocatorBoundingBoxResult> RestingBoxAsync(ILocator port)
    {
        var box = (await port.BoundingBoxAsync())!;
        for (var tries = 0; tries < 30; tries++)
        {
            await Task.Delay(100);
            var again = (await port.BoundingBoxAsync())!;
            if (again.X == box.X && again.Y == box.Y)
            {
                return again;
            }

            box = again;
        }

        throw new InvalidOperationException("The port never came to rest on the canvas.");
    }
}
