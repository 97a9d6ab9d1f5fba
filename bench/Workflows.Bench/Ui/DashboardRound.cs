using Microsoft.Playwright;

namespace Workflows.Bench.Ui;

/// <summary>
/// One round on a manager's dashboard over everyone's tasks: filter (overdue, then open again), sort by task (one way,
/// then the other) and a bulk assignment of the first two rows. A filter or sort counts as shown once the grid's rows
/// answer the view the address names (<c>data-testid=shown-view</c>); a bulk action once its result dialog is up.
/// </summary>
public sealed class DashboardRound(IPage page, UiTimings timings, int round)
{
    public const string Filter = "dashboard: filter";
    public const string Sort = "dashboard: sort";
    public const string BulkAssign = "dashboard: bulk assign, 2 tasks";

    public static readonly string[] Actions = [Filter, Sort, BulkAssign];

    /// <summary>The rows show the view in the address bar, and the address says <paramref name="urlHolds"/>.</summary>
    private static string Shows(string urlHolds) =>
        "() => { const shown = document.querySelector('[data-testid=shown-view]')?.dataset.query ?? ''; " +
        "const asked = location.search.replace(/^\\?/, ''); " +
        $"return ({urlHolds}) && shown === asked; }}";

    public async Task RunAsync()
    {
        timings.Add(Filter, await UiBrowser.TimeAsync(page,
            () => page.Locator("[data-card=overdue]").ClickAsync(), Shows("location.search.includes('due=overdue')")));
        timings.Add(Filter, await UiBrowser.TimeAsync(page,
            () => page.Locator("[data-card=open]").ClickAsync(), Shows("!location.search.includes('due=overdue')")));

        var table = page.GetByTestId("task-table");
        timings.Add(Sort, await UiBrowser.TimeAsync(page,
            () => table.GetByRole(AriaRole.Button, new() { Name = "Sort by Task" }).ClickAsync(), Shows("location.search.includes('sort=name')")));
        timings.Add(Sort, await UiBrowser.TimeAsync(page,
            () => table.GetByRole(AriaRole.Button, new() { Name = "Sort by Task" }).ClickAsync(), Shows("location.search.includes('sort=-name')")));

        var rows = page.Locator("[data-testid=task-table] tbody tr");
        for (var i = 0; i < 2; i++)
        {
            await rows.Nth(i).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        }

        var bar = page.GetByLabel("Bulk actions");
        await bar.GetByText("2 selected").WaitForAsync();
        await bar.GetByRole(AriaRole.Button, new() { Name = "Assign…" }).ClickAsync();
        // Alternating people, so every round changes the assignment.
        var person = round % 2 == 0 ? "Mehmet Yılmaz" : "Lena Schmidt";
        await page.GetByLabel("Search users and partners").FillAsync(person.Split(' ')[0]);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = person }).First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.Locator(".mud-chip").First.WaitForAsync();
        await dialog.Locator(".mud-dialog-title").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        timings.Add(BulkAssign, await UiBrowser.TimeAsync(page,
            () => dialog.GetByRole(AriaRole.Button, new() { Name = "Save assignees" }).ClickAsync(),
            "() => document.querySelector('[data-testid=bulk-summary]') !== null"));
        await page.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await UiBrowser.NoDialogAsync(page);
    }
}
