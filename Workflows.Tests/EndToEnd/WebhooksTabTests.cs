using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Workflows.Core.Webhooks;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.EndToEnd;

/// <summary>Admin → Webhooks in a browser: create a webhook (its secret shown once), see a delivery with its attempt, re-send it.</summary>
[Collection(nameof(EndToEnd))]
public sealed class WebhooksTabTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_creates_a_webhook_sees_its_delivery_and_resends_it()
    {
        await using var receiver = await WebhookListener.StartAsync();
        var page = await browser.NewPageAsync();
        await page.LogInAsync("admin@workflows.demo");
        await page.WaitForURLAsync("**/admin");
        await page.WaitForInteractiveAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Webhooks" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No webhooks yet.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New webhook" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("URL").FillAsync("ftp://erp.example.com/hooks");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save webhook" }).ClickAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not an http(s) URL");
        await page.ScreenshotAsync("admin-webhook-dialog");
        await dialog.GetByLabel("URL").FillAsync(receiver.Address.ToString());
        await dialog.GetByLabel("Description").FillAsync("ERP sync");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save webhook" }).ClickAsync();

        var secret = page.GetByTestId("new-webhook-secret");
        await Assertions.Expect(secret).ToContainTextAsync("whsec_");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = receiver.Address.ToString() });
        await Assertions.Expect(row).ToContainTextAsync("FlowStarted, TaskCompleted, FlowCompleted");
        await Assertions.Expect(row).ToContainTextAsync("active");

        using var admin = await ApiClients.ForAsync(browser.App, "admin@workflows.demo");
        var template = await CreateTemplateAsync(admin, SolarTemplate("Webhook tab"));
        await StartAsync(admin, (string)template["id"]!);
        var webhooks = browser.App.Services.GetRequiredService<WebhookService>();
        var subscription = (await webhooks.ListAsync(CancellationToken.None)).Single(s => s.Url == receiver.Address.ToString());
        await WaitAsync(async () => (await webhooks.DeliveriesAsync(subscription.Id, 10, CancellationToken.None)).Value!.Any(d => d.Status == WebhookDeliveryStatus.Succeeded));
        await page.ScreenshotAsync("admin-webhooks");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Deliveries to {receiver.Address}" }).ClickAsync();
        var log = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(log.Locator("[data-delivery-status]")).ToHaveTextAsync("Succeeded");
        await Assertions.Expect(log.Locator("[data-attempt]")).ToContainTextAsync("HTTP 200");
        await log.GetByRole(AriaRole.Button, new() { Name = "Resend" }).ClickAsync();
        await Assertions.Expect(page.GetByText("FlowStarted is being sent again.")).ToBeVisibleAsync();
        await WaitAsync(() => receiver.Received.Count == 2);
        await log.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        await Assertions.Expect(log.Locator("[data-attempt]")).ToHaveCountAsync(2);
        await Assertions.Expect(log.Locator("[data-attempt]").Nth(1)).ToContainTextAsync("(re-sent)");
        await page.ScreenshotAsync("admin-webhook-deliveries");

        Assert.Single(receiver.Received.Select(r => r.Headers["webhook-id"]).Distinct());
        await page.Context.CloseAsync();
    }

    private static Task WaitAsync(Func<bool> condition) => WaitAsync(() => Task.FromResult(condition()));

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "The receiver got nothing within 30 s.");
            await Task.Delay(200);
        }
    }
}
