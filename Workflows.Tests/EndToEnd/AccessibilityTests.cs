using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Progress;
using Workflows.Tests.Infrastructure;
using Workflows.Web.Components.Admin;
using Workflows.Web.Components.Builder;
using Workflows.Web.Components.Entities;
using Workflows.Web.Components.Tasks;
using Workflows.Web.Hosting;
using Xunit.Abstractions;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// axe-core (WCAG 2.2 A and AA rules) on every page each role works on, in the light and the dark theme and in English
/// and German: no violations, one main landmark and a name on every table. Its screenshots are the pages to look at.
/// A failure lists every violation of every page at once, with the elements it found.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    [Theory]
    [InlineData("light", "en")]
    [InlineData("dark", "en")]
    [InlineData("light", "de")]
    [InlineData("dark", "de")]
    public async Task Every_page_has_no_axe_violations(string theme, string language)
    {
        this.language = language;
        var found = new List<string>();
        var anonymous = await NewPageAsync(theme);
        await anonymous.GotoAsync("/Account/Login");
        await CheckAsync(theme, anonymous, "login", found);
        await anonymous.Context.CloseAsync();

        var manager = await NewPageAsync(theme);
        await manager.LogInAsync("manager@workflows.demo");
        await manager.WaitForURLAsync("**/dashboard");
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.Locator(".wf-task-grid .mud-table-body tr").First).ToBeVisibleAsync();
        await CheckAsync(theme, manager, "dashboard", found);
        await manager.GotoAsync("/board");
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.Locator(".wf-board-card").First).ToBeVisibleAsync();
        await CheckAsync(theme, manager, "board", found);
        await manager.GotoAsync("/entities/opportunity");
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.Locator(".mud-table-body tr").First).ToBeVisibleAsync();
        await CheckAsync(theme, manager, "records", found);
        await manager.Locator(".mud-table-body tr a").First.ClickAsync();
        await manager.WaitForURLAsync("**/entities/opportunity/**");
        await Assertions.Expect(manager.Locator(".wf-sidebar-tabs").First).ToBeVisibleAsync();
        await CheckAsync(theme, manager, "record and sidebar", found);
        await manager.Context.CloseAsync();

        var builder = await NewPageAsync(theme);
        await builder.LogInAsync("builder@workflows.demo");
        await builder.WaitForURLAsync("**/builder");
        await builder.WaitForInteractiveAsync();
        await Assertions.Expect(builder.Locator(".mud-table-body tr").First).ToBeVisibleAsync();
        await CheckAsync(theme, builder, "builder list", found);
        await builder.Locator(".mud-table-body tr a").First.ClickAsync();
        await builder.WaitForURLAsync("**/builder/**");
        await Assertions.Expect(builder.Locator(".wf-task-node").First).ToBeVisibleAsync();
        await CheckAsync(theme, builder, "builder canvas", found);
        await builder.Locator(".wf-task-node").First.ClickAsync();
        await Assertions.Expect(builder.GetByRole(AriaRole.Region, new() { Name = Infrastructure.PageExtensions.Text<BuilderText>(language, "TaskDetails") })).ToBeVisibleAsync();
        await CheckAsync(theme, builder, "builder task panel", found);
        foreach (var path in new[] { "/automations", "/journeys" })
        {
            await builder.GotoAsync(path);
            await builder.WaitForInteractiveAsync();
            await Assertions.Expect(builder.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await CheckAsync(theme, builder, path, found);
        }

        await builder.Context.CloseAsync();

        var admin = await NewPageAsync(theme);
        await admin.LogInAsync("admin@workflows.demo");
        await admin.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        await admin.GotoAsync("/admin");
        await admin.WaitForInteractiveAsync();
        foreach (var tab in await admin.GetByRole(AriaRole.Tab).AllAsync())
        {
            var name = await tab.TextContentAsync();
            await tab.ClickAsync();
            await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
            await admin.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await CheckAsync(theme, admin, $"admin {name?.Trim()}", found);
        }

        await admin.GotoAsync("/admin");
        await admin.WaitForInteractiveAsync();
        var newUser = Infrastructure.PageExtensions.Text<AdminText>(language, "NewUser");
        await admin.GetByRole(AriaRole.Button, new() { Name = newUser }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await CheckAsync(theme, admin, "admin new user dialog", found);
        var dialogName = await dialog.EvaluateAsync<string>("d => d.getAttribute('aria-label') ?? document.getElementById(d.getAttribute('aria-labelledby'))?.textContent");
        if (dialogName?.Trim() != newUser)
        {
            found.Add($"  [admin new user dialog] the dialog is named '{dialogName}', not by its title alone");
        }

        await admin.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();

        var partner = await NewPageAsync(theme);
        await partner.LogInAsync("partner@solartech.demo");
        await partner.WaitForURLAsync("**/partner");
        await partner.WaitForInteractiveAsync();
        await Assertions.Expect(partner.Locator(".mud-table-body tr").First).ToBeVisibleAsync();
        await CheckAsync(theme, partner, "partner tasks", found);
        await partner.Context.CloseAsync();

        var solar = DemoWorkflows.TemplateId("solar-installation");
        string executionId;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            executionId = await db.FlowExecutions.Where(e => e.TemplateId == solar).Select(e => e.Id).FirstAsync();
        }

        var link = browser.App.Services.GetRequiredService<ProgressLinkService>().Create(executionId, TimeSpan.FromDays(1));
        var customer = await NewPageAsync(theme);
        await customer.GotoAsync($"/progress/{link.Token}");
        await customer.WaitForInteractiveAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await CheckAsync(theme, customer, "customer progress", found);
        await customer.Context.CloseAsync();

        Assert.True(found.Count == 0, $"axe found {found.Count} violation(s) in the {theme} theme in {language}:\n" + string.Join("\n", found));
    }

    /// <summary>Every dialog of the record sidebar's task and workflow menus, and the new-record dialog: axe-clean, named by its title, closed by Escape.</summary>
    [Theory]
    [InlineData("light", "en")]
    [InlineData("dark", "de")]
    public async Task Every_dialog_of_the_record_page_has_no_axe_violations(string theme, string language)
    {
        this.language = language;
        var found = new List<string>();
        var manager = await NewPageAsync(theme);
        await manager.LogInAsync("manager@workflows.demo");
        await manager.WaitForURLAsync("**/dashboard");
        await manager.GotoAsync("/entities/opportunity");
        await manager.WaitForInteractiveAsync();
        await Assertions.Expect(manager.Locator(".mud-table-body tr").First).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = Workflows.Core.Localization.Languages.In(language, () => Workflows.Core.Localization.Languages.Text<EntityText>("NewRecord", Workflows.Core.Localization.Languages.InSentence("Opportunity"))) }).ClickAsync();
        await CheckDialogAsync(theme, manager, "new record dialog", found);

        await manager.Locator(".mud-table-body tr a").First.ClickAsync();
        await manager.WaitForURLAsync("**/entities/opportunity/**");
        await manager.WaitForInteractiveAsync();
        var taskMenu = manager.Locator($"button[aria-label^='{Prefix<TaskText>("ActionsFor")}']").First;
        await Assertions.Expect(taskMenu).ToBeVisibleAsync();
        foreach (var item in new[] { "MenuAssign", "MenuDueDate", "MenuPriority", "MenuFollowUp", "MenuNotes", "MenuAddTaskAfter" })
        {
            await taskMenu.ClickAsync();
            await manager.GetByRole(AriaRole.Menuitem, new() { Name = Infrastructure.PageExtensions.Text<TaskText>(language, item) }).ClickAsync();
            await CheckDialogAsync(theme, manager, $"task {item[4..]} dialog", found);
        }

        var workflowMenu = manager.Locator($"button[aria-label^='{Prefix<TaskText>("WorkflowActionsFor")}']").First;
        foreach (var item in new[] { "CloseWorkflowCancel", "AssignWorkflow", "WorkflowDueDate", "ShareProgress" })
        {
            await workflowMenu.ClickAsync();
            await manager.GetByRole(AriaRole.Menuitem, new() { Name = Infrastructure.PageExtensions.Text<TaskText>(language, item) }).ClickAsync();
            await CheckDialogAsync(theme, manager, $"workflow {item} dialog", found);
        }

        await manager.Context.CloseAsync();
        Assert.True(found.Count == 0, $"axe found {found.Count} violation(s) in the {theme} theme in {language}:\n" + string.Join("\n", found));
    }

    /// <summary>The builder's and the administration's dialogs, which take long German words too: axe-clean, named by their title, closed by Escape.</summary>
    [Theory]
    [InlineData("light", "en")]
    [InlineData("dark", "de")]
    public async Task Every_dialog_of_the_builder_and_the_administration_has_no_axe_violations(string theme, string language)
    {
        this.language = language;
        var found = new List<string>();
        var admin = await NewPageAsync(theme);
        await admin.LogInAsync("admin@workflows.demo");
        await admin.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        await admin.GotoAsync("/builder");
        await admin.WaitForInteractiveAsync();
        await Assertions.Expect(admin.Locator(".mud-table-body tr").First).ToBeVisibleAsync();
        foreach (var (opener, name) in new[] { ("Import", "import dialog"), ("FromATemplate", "gallery dialog") })
        {
            await admin.GetByRole(AriaRole.Button, new() { Name = Infrastructure.PageExtensions.Text<BuilderText>(language, opener), Exact = true }).ClickAsync();
            await CheckDialogAsync(theme, admin, name, found);
        }

        await admin.Locator(".mud-table-body tr a").First.ClickAsync();
        await admin.WaitForURLAsync("**/builder/**");
        await admin.WaitForInteractiveAsync();
        foreach (var (opener, name) in new[] { ("WorkflowSettings", "workflow settings dialog"), ("VersionHistory", "version history dialog") })
        {
            await admin.GetByRole(AriaRole.Button, new() { Name = Infrastructure.PageExtensions.Text<BuilderText>(language, opener), Exact = true }).ClickAsync();
            await CheckDialogAsync(theme, admin, name, found);
        }

        await admin.GotoAsync("/admin");
        await admin.WaitForInteractiveAsync();
        foreach (var (tab, opener) in new[]
                 {
                     ("TabUsers", "NewUser"), ("TabPartners", "NewPartnerOrganisation"), ("TabClosingReasons", "NewClosingReason"),
                     ("TabRecordTypes", "NewRecordType"), ("TabWebhooks", "NewWebhook"), ("TabTeams", "NewTeam"),
                 })
        {
            await admin.GetByRole(AriaRole.Tab, new() { Name = Infrastructure.PageExtensions.Text<AdminText>(language, tab) }).ClickAsync();
            await admin.GetByRole(AriaRole.Button, new() { Name = Infrastructure.PageExtensions.Text<AdminText>(language, opener), Exact = true }).ClickAsync();
            await CheckDialogAsync(theme, admin, $"admin {opener} dialog", found);
        }

        await admin.Context.CloseAsync();
        Assert.True(found.Count == 0, $"axe found {found.Count} violation(s) in the {theme} theme in {language}:\n" + string.Join("\n", found));
    }

    private string Prefix<TArea>(string key) => Infrastructure.PageExtensions.Text<TArea>(language, key).Split("{0}")[0];

    private async Task CheckDialogAsync(string theme, IPage page, string name, List<string> found)
    {
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await CheckAsync(theme, page, name, found);

        // A dialog opens with nothing marked wrong, and the field it focuses keeps the focus (the dialog's focus trap
        // took it away once, which marked the empty required field as an error before anything was typed).
        if (await dialog.Locator(".mud-input-error").CountAsync() > 0)
        {
            found.Add($"  [{name}] shows errors before anything was typed");
        }

        if (await dialog.EvaluateAsync<bool>("d => !!d.querySelector('[autofocus]') && !d.contains(document.activeElement)"))
        {
            found.Add($"  [{name}] its autofocus field lost the focus to '{await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 80)")}'");
        }

        var title = (await dialog.Locator(".mud-dialog-title").TextContentAsync())?.Trim();
        var dialogName = await dialog.EvaluateAsync<string>("d => d.getAttribute('aria-label') ?? document.getElementById(d.getAttribute('aria-labelledby'))?.textContent");
        if (dialogName?.Trim() != title)
        {
            found.Add($"  [{name}] the dialog is named '{dialogName}', not by its title '{title}'");
        }

        // Every button lies inside the dialog and writes its words on one line (German words are long).
        var misplaced = await dialog.EvaluateAsync<string[]>("""
            d => {
                const box = d.getBoundingClientRect();
                return [...d.querySelectorAll('.mud-dialog-actions button')].filter(b => {
                    const r = b.getBoundingClientRect();
                    return r.left < box.left || r.right > box.right || r.height > 48;
                }).map(b => b.textContent.trim());
            }
            """);
        if (misplaced.Length > 0)
        {
            found.Add($"  [{name}] buttons outside the dialog or wrapped: {string.Join(", ", misplaced)}");
        }

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    private string language = "en";

    private async Task<IPage> NewPageAsync(string theme)
    {
        var page = await browser.NewPageAsync();
        await page.Context.AddCookiesAsync(
        [
            new Cookie { Name = "wf-theme", Value = theme, Url = browser.BaseAddress.ToString() },
            new Cookie { Name = LanguageSetup.CookieName, Value = language, Url = browser.BaseAddress.ToString() },
        ]);
        return page;
    }

    private async Task CheckAsync(string theme, IPage page, string name, List<string> found)
    {
        // Let transitions (popovers, ripples, expanding panels) finish, so axe sees the colours a person sees.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
        var result = await page.RunAxe(WcagAa);
        if (await page.Locator("main, [role=main]").CountAsync() != 1)
        {
            found.Add($"  [{name}] the page has no single main landmark");
        }

        var unnamedTables = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('table')].filter(t => !t.getAttribute('aria-label') && !t.querySelector('caption')).length");
        if (unnamedTables > 0)
        {
            found.Add($"  [{name}] {unnamedTables} table(s) without a name");
        }

        foreach (var violation in result.Violations)
        {
            var nodes = violation.Nodes.Take(5).Select(n =>
                $"      {n.Target}: {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message).Take(2))}\n        {n.Html[..Math.Min(n.Html.Length, 200)]}");
            found.Add($"  [{name}] {violation.Id} ({violation.Nodes.Length}): {violation.Help}\n{string.Join("\n", nodes)}");
        }

        output.WriteLine($"{name}: {result.Violations.Length} violation(s), {result.Passes.Length} rules passed");
        await page.ScreenshotAsync($"axe-{language}-{theme}-{name.Replace(' ', '-').Replace("/", "")}");
        if (await page.Locator("html").GetAttributeAsync("lang") != language)
        {
            found.Add($"  [{name}] the page is not in {language}");
        }
    }
}
