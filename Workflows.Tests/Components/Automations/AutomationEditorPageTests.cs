using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Workflows.Core.Automations;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Tests.Data.Automations;
using Workflows.Web.Components.Automations;
using Workflows.Web.Hosting;

namespace Workflows.Tests.Components.Automations;

/// <summary>The automation page on the real services: why the loop breaker stopped it, and write-only webhook secrets.</summary>
public sealed class AutomationEditorPageTests : BunitContext, IAsyncLifetime
{
    private AutomationHarness h = default!;

    public async Task InitializeAsync()
    {
        h = await AutomationHarness.StartAsync(settings: AutomationHarness.LoopbackWebhooks);
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddWorkflowsLanguages();
        Services.AddSingleton(h.Automations);
        Services.AddSingleton(h.Services.GetRequiredService<AutomationDispatcher>());
        Services.AddSingleton(h.Templates);
        Services.AddSingleton(h.Entities);
        Services.AddSingleton(h.Services.GetRequiredService<FlowSettings>());
        Services.AddSingleton(h.Services.GetRequiredService<IOptions<AutomationLimits>>());
        Services.AddSingleton(h.Services.GetRequiredService<Workflows.Core.Identity.UserDirectory>());
        var authorization = AddAuthorization();
        authorization.SetAuthorized("lena@workflows.demo");
        authorization.SetRoles(Roles.Builder);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, AutomationHarness.Lena.Id));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await h.DisposeAsync();
    }

    private IRenderedComponent<AutomationEditorPage> RenderPage(string id)
    {
        Render<MudBlazor.MudPopoverProvider>();
        return Render<AutomationEditorPage>(p => p.Add(x => x.Id, id));
    }

    [Fact]
    public async Task An_automation_the_loop_breaker_stopped_shows_what_tripped_it_and_enables_again_from_the_banner()
    {
        await h.SaveAsync("chatty", "Chatty", [new AutomationTrigger { Type = AutomationTriggerType.EntityUpdated, EntitySchema = "opportunity" }],
            new AutomationAction { Type = AutomationActionType.AddNote, Body = "x" });
        var dispatcher = h.Services.GetRequiredService<AutomationDispatcher>();
        for (var i = 0; i <= AutomationLimits.DefaultMaxExecutions; i++)
        {
            await dispatcher.DispatchAsync(new RunRequest("chatty", new AutomationEvent { Type = AutomationTriggerType.EntityUpdated, EntityId = "opportunity-003" }, $"e{i}", "test"), CancellationToken.None);
        }

        var page = RenderPage("chatty");

        var banner = page.WaitForElement("[data-disabled-reason]");
        Assert.Contains("asked to run 101 times in 30 seconds, more than its limit of 100 (max executions)", banner.TextContent, StringComparison.Ordinal);
        banner.QuerySelectorAll("button").Single(b => b.TextContent.Contains("Enable again", StringComparison.Ordinal)).Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-disabled-reason]")));
        var automation = (await h.Automations.GetAsync("chatty", CancellationToken.None))!;
        Assert.True(automation.Enabled);
        Assert.Null(automation.DisabledReason);
    }

    [Fact]
    public async Task Max_executions_is_edited_on_the_page_and_saved()
    {
        await h.SaveAsync("burst", "Burst", [], new AutomationAction { Type = AutomationActionType.AddNote, Body = "x" });
        var page = RenderPage("burst");

        var field = page.WaitForElement("input[placeholder='100 (default)']");
        field.Change("250");
        page.FindAll("button").Single(b => b.TextContent.Contains("Save automation", StringComparison.Ordinal)).Click();

        await page.WaitForAssertionAsync(async () => Assert.Equal(250, (await h.Automations.GetAsync("burst", CancellationToken.None))!.MaxExecutions));
    }

    [Fact]
    public async Task A_stored_webhook_secret_shows_as_set_never_its_value_and_can_be_replaced()
    {
        await h.SaveAsync("erp", "Tell the ERP", [], new AutomationAction
        {
            Id = "hook", Type = AutomationActionType.CallWebhook, Url = "https://erp.example/hook", Secret = "s3cret-value",
        });
        await using (var db = h.Db())
        {
            Assert.NotNull((await db.Automations.AsNoTracking().SingleAsync(a => a.Id == "erp")).Actions.Single().ProtectedSecret);
        }

        var page = RenderPage("erp");

        page.WaitForAssertion(() => Assert.Contains("Secret set", page.Find("[data-secret=set]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret-value", page.Markup, StringComparison.Ordinal);
        await using (var db = h.Db())
        {
            var stored = (await db.Automations.AsNoTracking().SingleAsync(a => a.Id == "erp")).Actions.Single().ProtectedSecret!;
            Assert.DoesNotContain(stored, page.Markup, StringComparison.Ordinal);
        }

        page.Find("button[aria-label='Replace the signing secret of action 1']").Click();
        page.WaitForElement("input[type=password]").Change("n3w-value");
        page.FindAll("button").Single(b => b.TextContent.Contains("Save automation", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-secret=set]")));
        Assert.DoesNotContain("n3w-value", page.Markup, StringComparison.Ordinal);
        var secrets = h.Services.GetRequiredService<Workflows.Core.Automations.Webhooks.WebhookSecrets>();
        await using (var db = h.Db())
        {
            Assert.Equal("n3w-value", secrets.SigningKeyOf((await db.Automations.AsNoTracking().SingleAsync(a => a.Id == "erp")).Actions.Single()));
        }
    }

    [Fact]
    public async Task A_follow_up_action_is_edited_on_the_page_and_saved_with_its_days()
    {
        await h.SaveAsync("later", "Later", [], new AutomationAction { Type = AutomationActionType.SetFollowUp, FollowUpDays = 3 });
        var page = RenderPage("later");

        page.WaitForAssertion(() => Assert.Contains("Put a task on follow-up", page.Markup, StringComparison.Ordinal));
        var days = page.FindAll(".mud-input-control").Single(c => c.TextContent.Contains("Follow up in (days)", StringComparison.Ordinal)).QuerySelector("input")!;
        Assert.Contains("0 clears the follow-up date", page.Markup, StringComparison.Ordinal);
        days.Change("14");
        page.FindAll("button").Single(b => b.TextContent.Contains("Save automation", StringComparison.Ordinal)).Click();

        await page.WaitForAssertionAsync(async () =>
            Assert.Equal(14, (await h.Automations.GetAsync("later", CancellationToken.None))!.Actions.Single().FollowUpDays));
    }
}
