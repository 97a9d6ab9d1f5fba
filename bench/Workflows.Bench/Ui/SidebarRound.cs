using Microsoft.Playwright;

namespace Workflows.Bench.Ui;

/// <summary>
/// One round on a record page whose sidebar shows one fresh <see cref="UiTemplate"/> workflow: every sidebar action a
/// case worker takes, in the order the issue found slow (bulk right after a due date and right after a note, close right
/// after a decision). Each action is timed from its final click until its result is on screen.
/// </summary>
public sealed class SidebarRound(IPage page, string executionId, UiTimings timings)
{
    public const string Status = "sidebar: status change (1 task)";
    public const string DueDate = "sidebar: due date";
    public const string BulkAfterDueDate = "sidebar: bulk status, 2 tasks, right after due date";
    public const string Note = "sidebar: note";
    public const string BulkAfterNote = "sidebar: bulk status, 2 tasks, right after note";
    public const string Assign = "sidebar: assign";
    public const string Decision = "sidebar: decision branch";
    public const string CloseAfterDecision = "sidebar: close, right after decision";
    public const string Reopen = "sidebar: reopen workflow";

    public static readonly string[] Actions = [Status, DueDate, BulkAfterDueDate, Note, BulkAfterNote, Assign, Decision, CloseAfterDecision, Reopen];

    private string TaskSelector(string taskId) => $"[data-execution='{executionId}'] [data-task='{taskId}']";

    private string Card => $"[data-execution='{executionId}']";

    public async Task RunAsync()
    {
        timings.Add(Status, await UiBrowser.TimeMenuAsync(page, () => OpenTaskMenuAsync(UiTemplate.TaskName(1)), "Mark in progress",
            $"() => document.querySelector(\"{TaskSelector(UiTemplate.TaskId(1))}\")?.dataset.status === 'IN_PROGRESS'", timings));

        await ChooseAsync(UiTemplate.TaskName(2), "Due date…");
        var dialog = page.GetByRole(AriaRole.Dialog);
        // The bench's browser asks for English, so the date picker reads English dates.
        await dialog.GetByLabel("Due date").FillAsync(Workflows.Core.Localization.Languages.In(
            Workflows.Core.Localization.Languages.English, () => Workflows.Core.Localization.DateText.Date(DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)))));
        await dialog.GetByLabel("Time (optional, HH:mm)").ClickAsync();
        timings.Add(DueDate, await UiBrowser.TimeAsync(page,
            () => dialog.GetByRole(AriaRole.Button, new() { Name = "Save due date" }).ClickAsync(),
            $"() => document.querySelector(\"{TaskSelector(UiTemplate.TaskId(2))} [data-testid=due]\") !== null"));
        await UiBrowser.NoDialogAsync(page);

        await BulkAsync("In progress", BulkAfterDueDate);

        await ChooseAsync(UiTemplate.TaskName(1), "Notes…");
        await page.GetByLabel("New note (Markdown)").FillAsync("Bench note: called the customer.");
        timings.Add(Note, await UiBrowser.TimeAsync(page,
            () => page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync(),
            "() => [...document.querySelectorAll('[data-note]')].some(n => n.textContent.includes('Bench note: called the customer.'))"));
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();
        await UiBrowser.NoDialogAsync(page);

        await BulkAsync("Done", BulkAfterNote);

        await ChooseAsync(UiTemplate.TaskName(2), "Assign…");
        await page.GetByLabel("Search users and partners").FillAsync("Mehmet");
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Mehmet Yılmaz" }).First.ClickAsync();
        var assign = page.GetByRole(AriaRole.Dialog);
        await assign.Locator(".mud-chip").First.WaitForAsync();
        await assign.Locator(".mud-dialog-title").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        timings.Add(Assign, await UiBrowser.TimeAsync(page,
            () => assign.GetByRole(AriaRole.Button, new() { Name = "Save assignees" }).ClickAsync(),
            $"() => document.querySelector(\"{TaskSelector(UiTemplate.TaskId(2))}\")?.textContent.includes('Mehmet Yılmaz')"));
        await UiBrowser.NoDialogAsync(page);

        timings.Add(Decision, await UiBrowser.TimeMenuAsync(page, () => OpenTaskMenuAsync("Bench decision"), "Take branch \"Yes\"",
            $"() => document.querySelector(\"{TaskSelector(UiTemplate.Decision)}\")?.dataset.status === 'COMPLETED'", timings));

        await ChooseAsync(WorkflowMenuAsync, "Close workflow (cancel)…");
        await page.GetByRole(AriaRole.Dialog).GetByText("Customer cancelled").ClickAsync();
        timings.Add(CloseAfterDecision, await UiBrowser.TimeAsync(page,
            () => page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close workflow" }).ClickAsync(),
            $"() => document.querySelector(\"{Card}\")?.dataset.status === 'CLOSED'"));
        await UiBrowser.NoDialogAsync(page);

        timings.Add(Reopen, await UiBrowser.TimeMenuAsync(page, WorkflowMenuAsync, "Reopen workflow",
            $"() => document.querySelector(\"{Card}\")?.dataset.status === 'STARTED'", timings));
    }

    /// <summary>Selects tasks 3 and 4 and times the bulk button until the result dialog lists both.</summary>
    private async Task BulkAsync(string button, string action)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign several tasks" }).ClickAsync();
        await page.GetByLabel($"Select {UiTemplate.TaskName(3)}").CheckAsync();
        await page.GetByLabel($"Select {UiTemplate.TaskName(4)}").CheckAsync();
        var bar = page.GetByLabel("Bulk actions");
        await bar.GetByText("2 selected").WaitForAsync();
        timings.Add(action, await UiBrowser.TimeAsync(page,
            () => bar.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(),
            "() => document.querySelector('[data-testid=bulk-summary]') !== null"));
        await page.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await UiBrowser.NoDialogAsync(page);
    }

    private Task ChooseAsync(string task, string action) => ChooseAsync(() => OpenTaskMenuAsync(task), action);

    /// <summary>Opens a menu and picks an item (untimed); a menu a re-render closed is opened again.</summary>
    private async Task ChooseAsync(Func<Task> open, string action)
    {
        for (var attempt = 1; ; attempt++)
        {
            await UiBrowser.OpenMenu(page).WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await open();
            try
            {
                await UiBrowser.OpenMenu(page).GetByRole(AriaRole.Menuitem, new() { Name = action }).ClickAsync(new() { Timeout = 3_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                timings.MenuLost();
            }
        }
    }

    private async Task OpenTaskMenuAsync(string task)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {task}" }).First.ClickAsync();
        await UiBrowser.OpenMenu(page).WaitForAsync();
    }

    private async Task WorkflowMenuAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Workflow actions for Bench: sidebar actions" }).ClickAsync();
        await UiBrowser.OpenMenu(page).WaitForAsync();
    }
}
