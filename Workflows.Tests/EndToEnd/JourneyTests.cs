using Microsoft.Playwright;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

[Collection(nameof(EndToEnd))]
public sealed class JourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly Actor Lena = new("seed", "Lena Schmidt");

    /// <summary>Starts a gallery template on a record and completes the given tasks, as a colleague would have.</summary>
    private async Task StartAsync(string galleryKey, string recordId, params string[] completedTaskIds)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var executions = scope.ServiceProvider.GetRequiredService<FlowExecutionService>();
        var started = await executions.StartAsync(DemoWorkflows.TemplateId(galleryKey), [new EntityRef { EntityId = recordId }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        foreach (var taskId in completedTaskIds)
        {
            var done = await executions.ApplyAsync(started.Value.Id, new SetTaskStatus(taskId, StepStatus.COMPLETED), Lena, null, CancellationToken.None);
            Assert.True(done.Succeeded, done.Error);
        }
    }

    private async Task<IPage> OpenRecordAsync(string record)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync(record);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("Workflow sidebar")).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Task(IPage page, string name) =>
        page.Locator(".wf-task").Filter(new() { Has = page.Locator(".wf-task-name", new() { HasTextString = name }) }).First;

    private static ILocator Field(ILocator scope, string attribute) => scope.Locator($"[data-field={attribute}]");

    private static async Task ChooseAsync(IPage page, ILocator scope, string attribute, string option)
    {
        await Field(scope, attribute).Locator(".mud-input-control").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task A_case_worker_completes_a_task_by_its_journey_and_sees_the_record_updated_and_the_task_done()
    {
        await StartAsync("solar-installation", "opportunity-012", "solar-qualify-lead", "solar-send-offer", "solar-sign-contract");
        var page = await OpenRecordAsync("/entities/opportunity/opportunity-012");
        await Assertions.Expect(Task(page, "Conduct site survey")).ToHaveAttributeAsync("data-locked", "false");

        await page.GetByLabel("Open journey for Conduct site survey").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.GetByTestId("step-counter")).ToHaveTextAsync("Step 1 of 2");

        // Step 1 is checked before moving on, with a message under each field.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(Field(dialog, "survey_date")).ToContainTextAsync("Survey date is required.");
        await Assertions.Expect(Field(dialog, "roof_size_m2")).ToContainTextAsync("Usable roof area (m²) is required.");
        await page.ScreenshotAsync("journey-step1-validation");

        await Field(dialog, "survey_date").Locator("input").FillAsync("3/9/2026");
        await Field(dialog, "roof_size_m2").Locator("input").FillAsync("3");
        await ChooseAsync(page, dialog, "roof_covering", "Tiles");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(Field(dialog, "roof_size_m2")).ToContainTextAsync("must be at least 5");
        await Field(dialog, "roof_size_m2").Locator("input").FillAsync("64");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // Step 2.
        await Assertions.Expect(dialog.GetByTestId("step-counter")).ToHaveTextAsync("Step 2 of 2");
        await Field(dialog, "cable_route").Locator("textarea").First.FillAsync("Through the attic, 14 m down the north wall.");
        await Field(dialog, "meter_cabinet_ok").Locator("input").CheckAsync();
        await Field(dialog, "site_visit_done").Locator("input").CheckAsync();
        await page.ScreenshotAsync("journey-step2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Journey \"Site survey\" submitted. \"Conduct site survey\" is done.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(Task(page, "Conduct site survey")).ToHaveAttributeAsync("data-status", "COMPLETED");
        await Assertions.Expect(page.GetByLabel("Roof size (m²)")).ToHaveValueAsync("64");
        // The decision after the survey saw the new roof size.
        await Assertions.Expect(Task(page, "Plan full system with battery storage")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("wf-task-current"));
        await page.ScreenshotAsync("journey-submitted-record");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Activity" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("History")).ToContainTextAsync("Journey \"Site survey\" submitted for \"Conduct site survey\"");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_shared_link_lets_someone_without_an_account_fill_in_the_journey_once()
    {
        await StartAsync("customer-move-in", "contact-020");
        var page = await OpenRecordAsync("/entities/contact/contact-020");

        await page.GetByRole(AriaRole.Button, new() { Name = "Actions for Capture move-in details" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Share journey link…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var linkField = page.Locator("input[data-testid=journey-link], [data-testid=journey-link] input").First;
        await Assertions.Expect(linkField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/j/"));
        await page.ScreenshotAsync("journey-share-link");
        var link = await linkField.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        // The customer: no account, no app chrome.
        var customer = await browser.NewPageAsync();
        await customer.GotoAsync(link);
        await customer.WaitForInteractiveAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Move-in details" })).ToBeVisibleAsync();
        await Assertions.Expect(customer.GetByLabel("Toggle navigation")).ToHaveCountAsync(0);
        var form = customer.Locator(".wf-journey");
        await Assertions.Expect(Field(form, "city").Locator("input")).ToHaveValueAsync("Hannover");
        await Field(form, "move_in_date").Locator("input").FillAsync("4/1/2026");
        await Field(form, "postal_code").Locator("input").FillAsync("1204x");
        await form.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(Field(form, "postal_code")).ToContainTextAsync("A postal code has 4 or 5 digits.");
        await Field(form, "postal_code").Locator("input").FillAsync("30159");
        await customer.ScreenshotAsync("journey-external-step1");
        await form.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Field(form, "meter_number").Locator("input").FillAsync("1ESY11600123");
        await Field(form, "meter_reading").Locator("input").FillAsync("12345");
        await form.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(form.GetByTestId("step-counter")).ToHaveTextAsync("Step 3 of 3");
        await form.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "Thank you!" })).ToBeVisibleAsync();
        await customer.ScreenshotAsync("journey-external-done");

        // The case worker's page shows the task done by "External", live.
        await Assertions.Expect(Task(page, "Capture move-in details")).ToHaveAttributeAsync("data-status", "COMPLETED");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByLabel("Meter number")).ToHaveValueAsync("1ESY11600123");
        await Assertions.Expect(page.Locator("span.mud-typography-caption", new() { HasText = "by External" })).ToContainTextAsync("Changed");
        await Assertions.Expect(Task(page, "Capture move-in details").GetByTestId("finished")).ToContainTextAsync("Done by External on");

        // The link works once.
        await customer.GotoAsync(link);
        await Assertions.Expect(customer.GetByRole(AriaRole.Heading, new() { Name = "This link was already used" })).ToBeVisibleAsync();
        await Assertions.Expect(customer.GetByTestId("journey-link-state")).ToContainTextAsync("The answers were received");
        await customer.ScreenshotAsync("journey-external-used");
        await customer.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_builder_builds_a_journey_with_a_live_preview_and_finds_it_in_the_list()
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/journeys");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Site survey", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync("journeys-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "New journey" }).ClickAsync();
        await page.WaitForURLAsync("**/journeys/new");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Feedback call");
        await page.GetByLabel("Title of step 1").FillAsync("Your feedback");
        await page.Locator("[data-step-editor='1'] .mud-select").Last.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "E-mail (email)" }).ClickAsync();
        var field = page.Locator("[data-field-editor=email]");
        await Assertions.Expect(field).ToBeVisibleAsync();
        await field.GetByLabel("Required").CheckAsync();

        // The preview behaves as the runner will: it checks the field.
        var preview = page.GetByLabel("Preview");
        await Assertions.Expect(preview).ToContainTextAsync("Your feedback");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(Field(preview, "email")).ToContainTextAsync("E-mail is required.");
        await page.ScreenshotAsync("journey-editor");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("\"Feedback call\" saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Journey id")).ToContainTextAsync("journey-");
        await page.GotoAsync("/journeys");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Feedback call", Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
