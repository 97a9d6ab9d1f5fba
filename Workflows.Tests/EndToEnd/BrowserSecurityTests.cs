using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflows.Tests.Api;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// What an attacker with an ordinary account tries in the browser: script behind a Markdown link in a task
/// description, a note and a record attribute; a sign-in that sends the victim elsewhere; telling which e-mail
/// addresses have accounts; and the headers every response must carry.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class BrowserSecurityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ScriptLink = "[Open the contract](javascript:alert(document.domain))";

    [Fact]
    public async Task Script_links_in_a_description_a_note_and_a_record_attribute_run_nothing_when_clicked()
    {
        var builder = await ApiClients.ForAsync(browser.App, "builder@workflows.demo");
        var template = FlowApi.SolarTemplate("Contract check");
        template["tasks"]![0]!["description"] = new JsonObject
        {
            ["enabled"] = true,
            ["value"] = $"Please {ScriptLink} and check <javascript:alert(2)> before **signing**.",
        };
        var created = await FlowApi.CreateTemplateAsync(builder, template);
        var worker = await ApiClients.ForAsync(browser.App, "caseworker@workflows.demo");
        await FlowApi.StartAsync(worker, created["id"]!.GetValue<string>(), "opportunity-014");
        using (var planted = await FlowApi.PatchAsync(worker, "/v1/entity/opportunity/opportunity-014", new JsonObject { ["title"] = ScriptLink }))
        {
            Assert.Equal(HttpStatusCode.OK, planted.StatusCode);
        }

        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        await page.LogInAsync("caseworker@workflows.demo");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/entities/opportunity/opportunity-014");
        await page.WaitForInteractiveAsync();

        // The description: the words stay, the link is gone, and clicking the words does nothing.
        var task = page.Locator(".wf-task").Filter(new() { Has = page.Locator(".wf-task-name", new() { HasTextString = "Check documents" }) }).First;
        var description = task.Locator(".wf-task-description");
        await Assertions.Expect(description).ToContainTextAsync("Please Open the contract and check");
        await Assertions.Expect(description.Locator("strong")).ToHaveTextAsync("signing");
        await description.GetByText("Open the contract").ClickAsync();

        // A note with the same link, written through the notes dialog as an attacker would.
        await task.GetByRole(AriaRole.Button, new() { Name = "Actions for Check documents" }).ClickAsync();
        await page.Locator(".mud-popover-open").GetByRole(AriaRole.Menuitem, new() { Name = "Notes…" }).ClickAsync();
        await page.GetByLabel("New note (Markdown)").FillAsync($"See {ScriptLink} now.");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await page.GetByTestId("note-preview").GetByText("Open the contract").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        var note = page.Locator("[data-note]").First;
        await Assertions.Expect(note).ToContainTextAsync("See Open the contract now.");
        await note.GetByText("Open the contract").ClickAsync();
        await page.ScreenshotAsync("security-script-link-note");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).ClickAsync();

        // The record attribute is shown as the text it is, wherever the title appears.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(ScriptLink);
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).ClickAsync();
        await page.GotoAsync("/entities/opportunity");
        await page.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = ScriptLink }).ClickAsync();
        await page.WaitForURLAsync("**/entities/opportunity/opportunity-014**");

        // Two walls: no script link is rendered at all (SafeMarkdown), and were one rendered, the page's CSP would
        // refuse to run it. The count proves the first; the dialogs, the pair.
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("a[href^='javascript:' i], a[href^='data:' i]").CountAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task A_foreign_return_address_signs_in_and_lands_home(string returnUrl)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("E-mail").FillAsync("manager@workflows.demo");
        await page.GetByLabel("Password").FillAsync(Workflows.Core.Demo.DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await page.WaitForURLAsync("**/dashboard");
        Assert.Equal(browser.BaseAddress.Authority, new Uri(page.Url).Authority);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_local_return_address_is_where_the_sign_in_lands()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString("/entities/opportunity/opportunity-013"));
        await page.GetByLabel("E-mail").FillAsync("manager@workflows.demo");
        await page.GetByLabel("Password").FillAsync(Workflows.Core.Demo.DemoSeeder.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await page.WaitForURLAsync("**/entities/opportunity/opportunity-013");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_account_and_a_locked_one_get_the_same_answer()
    {
        var unknown = await AnswerToAsync("nobody@workflows.demo", "whatever-1");
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await AnswerToAsync("caseworker2@workflows.demo", "not-the-password");
        }

        var locked = await AnswerToAsync("caseworker2@workflows.demo", Workflows.Core.Demo.DemoSeeder.DemoPassword);

        Assert.Equal(unknown, locked);
        Assert.Contains("e-mail or password is not right", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_no_server_name()
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        foreach (var path in new[] { "/Account/Login", "/api-reference", "/v2/flows/templates", "/health", "/app.css", "/no-such-page" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.Headers.Contains("Content-Security-Policy"), $"{path} has no CSP");
            var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Server"), $"{path} names its server");
            if (path != "/api-reference")
            {
                Assert.DoesNotContain("'unsafe-inline'", policy.Split("style-src")[0], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_api_reference_runs_under_its_policy()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/api-reference");
        await Assertions.Expect(page.GetByText("Workflows API").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("security-api-reference");
        await page.Context.CloseAsync();
        browser.AssertNoCspRefusals();
    }

    /// <summary>Posts the login form and returns what the page then says (the alert's text), in a fresh browser.</summary>
    private async Task<string> AnswerToAsync(string email, string password)
    {
        var page = await browser.NewPageAsync();
        await page.LogInAsync(email, password);
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToBeVisibleAsync();
        var text = await alert.InnerTextAsync();
        Assert.EndsWith("/Account/Login", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await page.Context.CloseAsync();
        return text.Trim();
    }
}
