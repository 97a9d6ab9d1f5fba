using Workflows.Core.Automations;
using Workflows.Core.Data;
using Workflows.Core.Localization;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data.Automations;

/// <summary>
/// Webhooks do not reach internal addresses unless <c>Webhooks:AllowedHosts</c> allows them: judged when the
/// connection is made (after DNS, on every redirect) and, where the URL shows it, when the automation is saved.
/// </summary>
public sealed class WebhookAddressTests
{
    private const string Opportunity = "opportunity-003";

    private static List<AutomationTrigger> Manual() => [new AutomationTrigger { Type = AutomationTriggerType.Manual }];

    private static async Task<AutomationRun> RunOnRecordAsync(AutomationHarness h, string automationId)
    {
        var run = await h.Automations.RunOnRecordAsync(automationId, Opportunity, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(run.Succeeded, run.Error);
        await h.RunJobsAsync();
        return (await h.Automations.GetRunAsync(run.Value.Id, CancellationToken.None))!;
    }

    /// <summary>A row as it was stored before addresses were checked: straight into the table, past the save rules.</summary>
    private static async Task StoreUncheckedAsync(AutomationHarness h, string id, string url)
    {
        await using var db = h.Db();
        db.Automations.Add(new Automation
        {
            Id = id,
            Name = id,
            Triggers = Manual(),
            TriggerKinds = Automation.KindsOf(Manual()),
            Actions = [new AutomationAction { Type = AutomationActionType.CallWebhook, Url = url }],
            OwnerId = AutomationHarness.Lena.Id,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_webhook_to_a_loopback_receiver_is_refused_by_default_and_the_run_log_says_why()
    {
        await using var h = await AutomationHarness.StartAsync();
        await using var receiver = await WebhookListener.StartAsync();
        await StoreUncheckedAsync(h, "inside", receiver.Address.ToString());

        var run = await RunOnRecordAsync(h, "inside");

        Assert.Equal(AutomationRunStatus.Failed, run.Status);
        Assert.Equal(1, run.Attempts);
        Assert.Contains("refused: 127.0.0.1 is a loopback address; allow it with Webhooks:AllowedHosts", Assert.Single(run.Actions).Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_when_it_is_called()
    {
        await using var h = await AutomationHarness.StartAsync();
        await using var receiver = await WebhookListener.StartAsync();
        await StoreUncheckedAsync(h, "by-name", $"http://localhost:{receiver.Address.Port}/hook");

        var run = await RunOnRecordAsync(h, "by-name");

        Assert.Equal(AutomationRunStatus.Failed, run.Status);
        Assert.Contains("is a loopback address", Assert.Single(run.Actions).Message, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_webhook_to_an_allow_listed_receiver_is_delivered()
    {
        await using var h = await AutomationHarness.StartAsync(settings: AutomationHarness.LoopbackWebhooks);
        await using var receiver = await WebhookListener.StartAsync();
        await h.SaveAsync("allowed", "Allowed", Manual(), new AutomationAction { Type = AutomationActionType.CallWebhook, Url = receiver.Address.ToString() });

        var run = await RunOnRecordAsync(h, "allowed");

        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_redirect_from_an_allowed_host_to_a_refused_one_is_not_followed()
    {
        await using var h = await AutomationHarness.StartAsync(settings: AutomationHarness.LoopbackWebhooks);
        await using var forbidden = await WebhookListener.StartAsync("127.0.0.2");
        await using var allowed = await WebhookListener.StartAsync();
        allowed.RedirectTo = forbidden.Address;
        await h.SaveAsync("redirected", "Redirected", Manual(), new AutomationAction { Type = AutomationActionType.CallWebhook, Url = allowed.Address.ToString() });

        var run = await RunOnRecordAsync(h, "redirected");

        Assert.Equal(AutomationRunStatus.Failed, run.Status);
        Assert.Contains("refused: 127.0.0.2 is a loopback address", Assert.Single(run.Actions).Message, StringComparison.Ordinal);
        Assert.Single(allowed.Received);
        Assert.Empty(forbidden.Received);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is the cloud metadata address")]
    [InlineData("http://[::ffff:10.1.2.3]/hook", "10.1.2.3 is a private address")]
    [InlineData("http://localhost/hook", "localhost (127.0.0.1) is a loopback address")]
    public async Task Saving_a_webhook_that_names_an_internal_address_is_refused_with_the_reason(string url, string reason)
    {
        await using var h = await AutomationHarness.StartAsync(seed: false);

        var saved = await h.Automations.SaveAsync(
            new Automation { Id = "x", Name = "X", Actions = [new AutomationAction { Type = AutomationActionType.CallWebhook, Url = url }] },
            null, AutomationHarness.Lena, CancellationToken.None);

        Assert.False(saved.Succeeded);
        Assert.Contains(reason, saved.Error, StringComparison.Ordinal);
        await using var db = h.Db();
        Assert.False(db.Automations.Any(a => a.Id == "x"));
    }

    [Fact]
    public async Task A_german_builder_reads_the_reason_in_german()
    {
        await using var h = await AutomationHarness.StartAsync(seed: false);

        var saved = await Languages.In(Languages.German, () => h.Automations.SaveAsync(
            new Automation { Id = "x", Name = "X", Actions = [new AutomationAction { Type = AutomationActionType.CallWebhook, Url = "http://localhost/hook" }] },
            null, AutomationHarness.Lena, CancellationToken.None));

        Assert.Contains("abgelehnt: localhost (127.0.0.1) ist eine Loopback-Adresse; erlauben Sie sie mit Webhooks:AllowedHosts", saved.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_allow_list_entry_that_is_no_host_address_or_range_stops_the_start_with_its_name()
    {
        await using var h = await AutomationHarness.StartAsync(settings: new Dictionary<string, string?> { ["Webhooks:AllowedHosts:0"] = "10.0.0.0/99" }, seed: false);

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => h.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Workflows.Core.Automations.Webhooks.WebhookOptions>>().Value);

        Assert.Contains("10.0.0.0/99", error.Message, StringComparison.Ordinal);
    }
}
