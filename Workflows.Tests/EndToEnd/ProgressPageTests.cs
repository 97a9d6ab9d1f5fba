using Microsoft.Playwright;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Notes;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// The end customer's progress page in a real browser: a case worker shares the link from the sidebar, the customer opens
/// it in German, sees it change when a colleague completes a task, switches to English, on a phone too, and the page
/// holds nothing internal.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class ProgressPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Record = "opportunity-004";
    private const string InternalNote = "Customer is difficult, offer 3 % discount at most";
    private static readonly Actor Lena = new("seed", "Lena Schmidt");

    private async Task<FlowExecution> StartSolarAsync()
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var executions = scope.ServiceProvider.GetRequiredService<FlowExecutionService>();
        var started = await executions.StartAsync(DemoWorkflows.TemplateId("solar-installation"), [new EntityRef { EntityId = Record }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        foreach (var taskId in new[] { "solar-qualify-lead", "solar-send-offer" })
        {
            var done = await executions.ApplyAsync(started.Value.Id, new SetTaskStatus(taskId, StepStatus.COMPLETED), Lena, null, CancellationToken.None);
            Assert.True(done.Succeeded, done.Error);
        }

        var note = await scope.ServiceProvider.GetRequiredService<NoteService>()
            .AddAsync(new NoteTarget(Record, started.Value.Id, "solar-sign-contract"), InternalNote, null, Lena, null, CancellationToken.None);
        Assert.True(note.Succeeded, note.Error);
        return (await executions.GetAsync(started.Value.Id, CancellationToken.None))!;
    }

    /// <summary>A case worker's page with the record's "Share progress with customer" dialog open.</summary>
    private async Task<(IPage Page, ILocator Dialog)> OpenShareDialogAsync()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync($"/entities/opportunity/{Record}");
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Workflow actions for Solar installation").First.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Share progress with customer…" }).ClickAsync();
        return (page, page.GetByRole(AriaRole.Dialog, new() { Name = "Share progress with customer" }));
    }

    private async Task<string> ShareFromSidebarAsync()
    {
        var (page, dialog) = await OpenShareDialogAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Create link" })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var field = dialog.Locator("input[data-testid=progress-link], [data-testid=progress-link] input").First;
        await Assertions.Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/progress/"));
        await page.ScreenshotAsync("progress-share-dialog");
        var url = await field.InputValueAsync();
        await page.Context.CloseAsync();
        return url;
    }

    private async Task<IPage> CustomerPageAsync(string locale, ViewportSize viewport)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = viewport,
            Locale = locale,
            IsMobile = viewport.Width < 600,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task The_customer_follows_the_progress_live_in_german_and_english_and_sees_nothing_internal()
    {
        var execution = await StartSolarAsync();
        var url = await ShareFromSidebarAsync();

        var page = await CustomerPageAsync("de-DE", new ViewportSize { Width = 1100, Height = 900 });
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        await page.WaitForInteractiveAsync();
        var progress = page.GetByTestId("progress-page");
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-language", "de");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your solar installation");
        await Assertions.Expect(page.GetByTestId("progress-next")).ToContainTextAsync("Wie es weitergeht: Contract signed");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Offer and contract" })).ToBeVisibleAsync();
        await page.ScreenshotAsync("progress-page-de");

        var html = await page.ContentAsync();
        foreach (var internalText in new[]
        {
            "Qualify lead", "Send offer e-mail", "Sign contract", "Conduct site survey", "Check roof", "Order materials", "Marktstammdatenregister",
            "Sales", "Grid registration", InternalNote, "Lena Schmidt", "Thomas Wagner", "Sophie", "Klaus Richter", "SolarTech", "partner-solartech", Record, execution.Id,
            "Rooftop PV", "SEPA",
        })
        {
            Assert.DoesNotContain(internalText, html, StringComparison.Ordinal);
        }

        // A colleague completes the contract in another context: the customer's page follows without a reload.
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var done = await scope.ServiceProvider.GetRequiredService<FlowExecutionService>()
                .ApplyAsync(execution.Id, new SetTaskStatus("solar-sign-contract", StepStatus.COMPLETED), Lena, null, CancellationToken.None);
            Assert.True(done.Succeeded, done.Error);
        }

        await Assertions.Expect(page.GetByTestId("progress-next")).ToContainTextAsync("Wie es weitergeht: Site visit");
        await Assertions.Expect(page.Locator("li[data-state=Done]", new() { HasTextString = "Contract signed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section[data-state=Done]", new() { HasTextString = "Offer and contract" })).ToContainTextAsync("Erledigt");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(progress).ToHaveAttributeAsync("data-language", "en");
        await Assertions.Expect(page.GetByTestId("progress-next")).ToContainTextAsync("What happens next: Site visit");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("lang=en"));
        await page.ScreenshotAsync("progress-page-en");
        Assert.DoesNotContain("Conduct site survey", await page.ContentAsync(), StringComparison.Ordinal);

        var phone = await CustomerPageAsync("en-GB", new ViewportSize { Width = 390, Height = 844 });
        await phone.GotoAsync(url);
        await phone.WaitForInteractiveAsync();
        await Assertions.Expect(phone.GetByTestId("progress-next")).ToContainTextAsync("What happens next: Site visit");
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The progress page scrolls sideways on a phone.");
        await phone.ScreenshotAsync("progress-page-phone");

        await phone.GotoAsync(url[..^4] + "AAAA");
        await Assertions.Expect(phone.GetByTestId("progress-link-state")).ToContainTextAsync("This link does not work");
        await phone.ScreenshotAsync("progress-page-invalid");
        browser.AssertNoCspRefusals();
    }

    [Fact]
    public async Task Withdrawing_the_links_in_the_sidebar_turns_an_open_customer_page_to_withdrawn()
    {
        await StartSolarAsync();
        var url = await ShareFromSidebarAsync();
        var customer = await CustomerPageAsync("en-GB", new ViewportSize { Width = 1100, Height = 900 });
        await customer.GotoAsync(url);
        await customer.WaitForInteractiveAsync();
        await Assertions.Expect(customer.GetByTestId("progress-next")).ToBeVisibleAsync();

        var (page, dialog) = await OpenShareDialogAsync();
        await dialog.GetByTestId("withdraw-progress-links").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog, new() { Name = "Withdraw the links sent so far?" });
        await Assertions.Expect(confirm).ToContainTextAsync("Links you create afterwards work.");
        await page.ScreenshotAsync("progress-withdraw-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The links sent so far no longer work.")).ToBeVisibleAsync();

        await Assertions.Expect(customer.GetByTestId("progress-link-state")).ToContainTextAsync("This link was withdrawn");
        await Assertions.Expect(customer.GetByTestId("progress-link-state")).ToHaveAttributeAsync("data-state", "Revoked");
        await customer.ScreenshotAsync("progress-page-withdrawn");
        var reload = await customer.ReloadAsync();
        Assert.Equal(410, reload!.Status);
    }
}
