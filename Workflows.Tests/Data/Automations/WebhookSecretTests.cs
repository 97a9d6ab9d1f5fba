using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations;
using Workflows.Core.Automations.Actions;
using Workflows.Core.Automations.Webhooks;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data.Automations;

/// <summary>Webhook signing keys are stored encrypted, handed out only as "set", and still sign every call.</summary>
public sealed class WebhookSecretTests : IAsyncLifetime
{
    private const string Opportunity = "opportunity-003";
    private AutomationHarness h = default!;
    private WebhookListener receiver = default!;

    public async Task InitializeAsync()
    {
        h = await AutomationHarness.StartAsync(settings: AutomationHarness.LoopbackWebhooks);
        receiver = await WebhookListener.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await h.DisposeAsync();
    }

    private static List<AutomationTrigger> Manual() => [new AutomationTrigger { Type = AutomationTriggerType.Manual }];

    private AutomationAction Hook(string? secret = null) =>
        new() { Id = "hook", Type = AutomationActionType.CallWebhook, Url = receiver.Address.ToString(), Secret = secret };

    private async Task<string> StoredJsonAsync(string id)
    {
        await using var db = h.Db();
        return await db.Database.SqlQuery<string>($"SELECT \"Actions\" AS \"Value\" FROM automations WHERE \"Id\" = {id}").SingleAsync();
    }

    private async Task<ReceivedHook> CallAsync(string id)
    {
        receiver.Received.Clear();
        var run = await h.Automations.RunOnRecordAsync(id, Opportunity, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(run.Succeeded, run.Error);
        await h.RunJobsAsync();
        Assert.Equal(AutomationRunStatus.Succeeded, (await h.Automations.GetRunAsync(run.Value.Id, CancellationToken.None))!.Status);
        return Assert.Single(receiver.Received);
    }

    /// <summary>A row as an older version stored it: the key in clear under "secret".</summary>
    private async Task StoreInClearAsync(string id, string secret)
    {
        await using var db = h.Db();
        db.Automations.Add(new Automation
        {
            Id = id,
            Name = id,
            Triggers = Manual(),
            TriggerKinds = Automation.KindsOf(Manual()),
            Actions = [Hook(secret)],
            OwnerId = AutomationHarness.Lena.Id,
        });
        await db.SaveChangesAsync();
        Assert.Contains($"\"secret\":\"{secret}\"", await StoredJsonAsync(id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_secret_is_stored_encrypted_and_read_back_only_as_set()
    {
        var saved = await h.SaveAsync("erp", "Tell the ERP", Manual(), Hook("s3cret-value"));

        var stored = await StoredJsonAsync("erp");
        Assert.DoesNotContain("s3cret-value", stored, StringComparison.Ordinal);
        Assert.Contains("protectedSecret", stored, StringComparison.Ordinal);
        foreach (var read in new[]
        {
            saved,
            (await h.Automations.GetAsync("erp", CancellationToken.None))!,
            (await h.Automations.ListAsync(CancellationToken.None)).Single(s => s.Automation.Id == "erp").Automation,
        })
        {
            var action = Assert.Single(read.Actions);
            Assert.True(action.HasSecret);
            Assert.Null(action.Secret);
            Assert.Null(action.ProtectedSecret);
        }

        Assert.True(WebhookSignature.Verify("s3cret-value", (await CallAsync("erp")).Body, receiver.Received.Single().Signature));
    }

    [Fact]
    public async Task Saving_without_a_new_secret_keeps_it_replacing_changes_it_and_removing_drops_it()
    {
        await h.SaveAsync("erp", "Tell the ERP", Manual(), Hook("first"));
        var read = (await h.Automations.GetAsync("erp", CancellationToken.None))!;
        read.Name = "Tell the ERP, renamed";

        var kept = await h.Automations.SaveAsync(read, read.Version, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(kept.Succeeded, kept.Error);
        var hook = await CallAsync("erp");
        Assert.True(WebhookSignature.Verify("first", hook.Body, hook.Signature));

        kept.Value.Actions = [Hook("second")];
        var replaced = await h.Automations.SaveAsync(kept.Value, kept.Value.Version, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(replaced.Succeeded, replaced.Error);
        hook = await CallAsync("erp");
        Assert.True(WebhookSignature.Verify("second", hook.Body, hook.Signature));

        replaced.Value.Actions = [Hook() with { RemoveSecret = true }];
        var removed = await h.Automations.SaveAsync(replaced.Value, replaced.Value.Version, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(removed.Succeeded, removed.Error);
        Assert.False(Assert.Single(removed.Value.Actions).HasSecret);
        Assert.Equal("", (await CallAsync("erp")).Signature);
    }

    [Fact]
    public async Task A_secret_an_older_version_stored_in_clear_still_signs_and_is_encrypted_at_start()
    {
        await StoreInClearAsync("old", "legacy-key");
        var hook = await CallAsync("old");
        Assert.True(WebhookSignature.Verify("legacy-key", hook.Body, hook.Signature));

        Assert.Equal(1, await h.Services.GetRequiredService<WebhookSecrets>().ProtectStoredAsync(CancellationToken.None));

        Assert.DoesNotContain("legacy-key", await StoredJsonAsync("old"), StringComparison.Ordinal);
        hook = await CallAsync("old");
        Assert.True(WebhookSignature.Verify("legacy-key", hook.Body, hook.Signature));
        Assert.Equal(0, await h.Services.GetRequiredService<WebhookSecrets>().ProtectStoredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_secret_an_older_version_stored_in_clear_is_encrypted_on_the_next_save()
    {
        await StoreInClearAsync("old", "legacy-key");
        var read = (await h.Automations.GetAsync("old", CancellationToken.None))!;
        Assert.True(Assert.Single(read.Actions).HasSecret);

        var saved = await h.Automations.SaveAsync(read, read.Version, AutomationHarness.Lena, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        Assert.DoesNotContain("legacy-key", await StoredJsonAsync("old"), StringComparison.Ordinal);
        var hook = await CallAsync("old");
        Assert.True(WebhookSignature.Verify("legacy-key", hook.Body, hook.Signature));
    }
}
