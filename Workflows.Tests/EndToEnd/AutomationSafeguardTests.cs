using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Workflows.Core.Automations;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.EndToEnd;

/// <summary>The automation page as a builder sees it after the loop breaker tripped, with a webhook secret set.</summary>
[Collection(nameof(EndToEnd))]
public sealed class AutomationSafeguardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_builder_sees_why_the_loop_breaker_stopped_an_automation_and_that_its_webhook_secret_is_set_but_not_what_it_is()
    {
        var services = browser.App.Services;
        ApplicationUser builderUser;
        await using (var scope = services.CreateAsyncScope())
        {
            builderUser = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("builder@workflows.demo"))!;
        }

        var saved = await services.GetRequiredService<AutomationService>().SaveAsync(
            new Automation
            {
                Id = "erp-sync",
                Name = "Tell the ERP about updates",
                Triggers = [new AutomationTrigger { Type = AutomationTriggerType.EntityUpdated, EntitySchema = "opportunity" }],
                Actions = [new AutomationAction { Type = AutomationActionType.CallWebhook, Url = "https://erp.invalid/hook", Secret = "s3cret-erp-key" }],
            },
            null, new Actor(builderUser.Id, builderUser.DisplayName), CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        var dispatcher = services.GetRequiredService<AutomationDispatcher>();
        for (var i = 0; i <= AutomationLimits.DefaultMaxExecutions; i++)
        {
            await dispatcher.DispatchAsync(
                new RunRequest("erp-sync", new AutomationEvent { Type = AutomationTriggerType.EntityUpdated, EntityId = "opportunity-004", EntitySchema = "opportunity" }, $"burst-{i}", "burst"),
                CancellationToken.None);
        }

        var page = await browser.NewPageAsync();
        await page.LogInAsync("builder@workflows.demo");
        await page.WaitForURLAsync("**/builder");
        await page.GotoAsync("/automations/erp-sync");
        await page.WaitForInteractiveAsync();

        var banner = page.Locator("[data-disabled-reason]");
        await Assertions.Expect(banner).ToContainTextAsync("more than its limit of 100 (max executions)");
        await Assertions.Expect(page.Locator("[data-secret=set]")).ToContainTextAsync("Secret set");
        Assert.DoesNotContain("s3cret-erp-key", await page.ContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync("automation-loop-breaker-and-secret");

        await banner.GetByRole(AriaRole.Button, new() { Name = "Enable again" }).ClickAsync();
        await Assertions.Expect(page.GetByText("is switched on again")).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await page.ScreenshotAsync("automation-enabled-again");
    }
}
