using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workflows.Core.Automations.Actions;
using Workflows.Core.Automations;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Jobs;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data.Automations;

/// <summary>Each action against the real thing: the pickup folder, a local HTTP receiver, the database, the engine.</summary>
public sealed class AutomationActionTests : IAsyncLifetime
{
    private const string Opportunity = "opportunity-003";
    private AutomationHarness h = default!;

    public async Task InitializeAsync() => h = await AutomationHarness.StartAsync(settings: AutomationHarness.LoopbackWebhooks);

    public async Task DisposeAsync() => await h.DisposeAsync();

    private async Task<AutomationRun> RunOnRecordAsync(string automationId, string entityId)
    {
        var run = await h.Automations.RunOnRecordAsync(automationId, entityId, AutomationHarness.Lena, CancellationToken.None);
        Assert.True(run.Succeeded, run.Error);
        await h.RunJobsAsync();
        return (await h.Automations.GetRunAsync(run.Value.Id, CancellationToken.None))!;
    }

    private static List<AutomationTrigger> Manual() => [new AutomationTrigger { Type = AutomationTriggerType.Manual }];

    [Fact]
    public async Task Send_email_writes_a_templated_eml_to_the_pickup_folder_for_the_related_contact()
    {
        await h.SaveAsync("mail", "Mail the contact", Manual(), new AutomationAction
        {
            Type = AutomationActionType.SendEmail,
            To = "{{entity.contact.email}}",
            Subject = "Offer {{entity.title}}",
            Body = "Dear {{entity.contact.first_name}}, the amount is {{entity.amount}} EUR.",
        });
        var contact = await h.AttributesAsync("contact-003");

        var run = await RunOnRecordAsync("mail", Opportunity);

        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        var file = Assert.Single(h.Mails());
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(contact["email"]!.GetValue<string>(), Assert.Single(message.To.Mailboxes).Address);
        var opportunity = await h.AttributesAsync(Opportunity);
        Assert.Equal($"Offer {opportunity["title"]}", message.Subject);
        Assert.Contains($"Dear {contact["first_name"]}, the amount is {opportunity["amount"]} EUR.", message.TextBody, StringComparison.Ordinal);
        var log = Assert.Single(run.Actions);
        Assert.Equal(ActionStatus.Succeeded, log.Status);
        Assert.Contains(contact["email"]!.GetValue<string>(), log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_email_without_a_recipient_fails_the_run_at_once_with_the_reason()
    {
        await h.SaveAsync("mail", "Mail", Manual(), new AutomationAction { Type = AutomationActionType.SendEmail, Subject = "Hi" });

        var run = await RunOnRecordAsync("mail", Opportunity);

        Assert.Equal(AutomationRunStatus.Failed, run.Status);
        Assert.Contains("There is no recipient", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, run.Attempts);
        Assert.Empty(h.Mails());
    }

    [Fact]
    public async Task Call_webhook_posts_the_event_as_json_signed_with_hmac_sha256()
    {
        await using var receiver = await WebhookListener.StartAsync();
        await h.SaveAsync("hook", "Tell the ERP", Manual(), new AutomationAction
        {
            Type = AutomationActionType.CallWebhook,
            Url = receiver.Address.ToString(),
            Secret = "s3cret",
        });

        var run = await RunOnRecordAsync("hook", Opportunity);

        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        var hook = Assert.Single(receiver.Received);
        Assert.True(WebhookSignature.Verify("s3cret", hook.Body, hook.Signature), $"signature {hook.Signature} does not verify");
        Assert.False(WebhookSignature.Verify("other", hook.Body, hook.Signature));
        Assert.StartsWith("application/json", hook.ContentType, StringComparison.Ordinal);
        Assert.StartsWith(run.Id, hook.Delivery, StringComparison.Ordinal);
        var json = JsonNode.Parse(hook.Body)!;
        Assert.Equal(run.Id, json["run_id"]!.GetValue<string>());
        Assert.Equal(Opportunity, json["entity"]!["_id"]!.GetValue<string>());
        Assert.Equal("Manual", json["event"]!["type"]!.GetValue<string>());
        Assert.Contains("answered 200", Assert.Single(run.Actions).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_answering_500_is_retried_with_backoff_and_a_400_fails_at_once()
    {
        await using var receiver = await WebhookListener.StartAsync();
        receiver.StatusCode = 503;
        await h.SaveAsync("hook", "Flaky receiver", Manual(), new AutomationAction { Type = AutomationActionType.CallWebhook, Url = receiver.Address.ToString() });

        var run = await RunOnRecordAsync("hook", Opportunity);
        Assert.Equal(AutomationRunStatus.Retrying, run.Status);
        Assert.Contains("answered 503", run.Error, StringComparison.Ordinal);

        // The receiver recovers; the retry waits for its backoff, then succeeds.
        receiver.StatusCode = 200;
        Assert.Equal(0, await h.RunJobsAsync());
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        await h.RunJobsAsync();
        run = (await h.Automations.GetRunAsync(run.Id, CancellationToken.None))!;
        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempts);

        receiver.StatusCode = 404;
        var refused = await RunOnRecordAsync("hook", Opportunity);
        Assert.Equal(AutomationRunStatus.Failed, refused.Status);
        Assert.Contains("answered 404", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_entity_writes_static_and_templated_values_into_the_record()
    {
        await h.SaveAsync("update", "Qualify", Manual(), new AutomationAction
        {
            Type = AutomationActionType.UpdateEntity,
            Assignments =
            [
                new AttributeAssignment { Attribute = "stage", Value = "qualified" },
                new AttributeAssignment { Attribute = "workflow_status", Value = "Checked by {{automation.name}} for {{entity.contact.last_name}}" },
                new AttributeAssignment { Attribute = "roof_size_m2", Value = "{{entity.amount}}" },
            ],
        });
        var before = await h.AttributesAsync(Opportunity);
        var contact = await h.AttributesAsync("contact-003");

        var run = await RunOnRecordAsync("update", Opportunity);

        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        var after = await h.AttributesAsync(Opportunity);
        Assert.Equal("qualified", after["stage"]!.GetValue<string>());
        Assert.Equal($"Checked by Qualify for {contact["last_name"]}", after["workflow_status"]!.GetValue<string>());
        Assert.Equal(before["amount"]!.GetValue<decimal>(), after["roof_size_m2"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task Update_entity_with_a_value_the_schema_refuses_fails_with_the_schema_message()
    {
        await h.SaveAsync("update", "Bad stage", Manual(), new AutomationAction
        {
            Type = AutomationActionType.UpdateEntity,
            Assignments = [new AttributeAssignment { Attribute = "stage", Value = "maybe" }],
        });

        var run = await RunOnRecordAsync("update", Opportunity);

        Assert.Equal(AutomationRunStatus.Failed, run.Status);
        Assert.Contains("Stage", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trigger_workflow_starts_the_template_on_the_record_as_part_of_a_chain()
    {
        await h.SaveAsync("start", "Start solar", Manual(), new AutomationAction
        {
            Type = AutomationActionType.TriggerWorkflow,
            TemplateId = DemoWorkflows.TemplateId("solar-installation"),
        });
        var before = await h.Executions.ListForEntityAsync(Opportunity, CancellationToken.None);

        var run = await RunOnRecordAsync("start", Opportunity);

        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        var after = await h.Executions.ListForEntityAsync(Opportunity, CancellationToken.None);
        var started = Assert.Single(after, e => before.All(b => b.Id != e.Id));
        Assert.Equal("Solar installation", started.Name);
        Assert.Equal(Workflows.Core.Flows.Executions.ExecutionTriggerType.AUTOMATIC, started.Trigger!.Type);
        Assert.Equal("start", started.Trigger.AutomationConfig!.FlowId);
        Assert.Equal(1, started.ExecutionChain!.Depth);
    }

    [Fact]
    public async Task Add_note_puts_a_templated_note_on_the_record()
    {
        await h.SaveAsync("note", "Note", Manual(), new AutomationAction { Type = AutomationActionType.AddNote, Body = "Checked {{entity._title}}." });

        var run = await RunOnRecordAsync("note", Opportunity);

        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        await using var db = h.Db();
        var note = await db.Notes.AsNoTracking().SingleAsync(n => n.EntityId == Opportunity);
        Assert.StartsWith("Checked ", note.Body, StringComparison.Ordinal);
        Assert.Equal("Automation \"Note\"", note.AuthorName);
    }

    [Fact]
    public async Task An_automation_saved_right_after_an_event_nobody_listened_to_hears_the_next_one()
    {
        await using (var db = h.Db())
        {
            foreach (var id in await db.Automations.Where(a => a.TriggerKinds.Contains("|EntityUpdated|")).Select(a => a.Id).ToListAsync())
            {
                await h.Automations.SetEnabledAsync(id, false, AutomationHarness.Lena, CancellationToken.None);
            }
        }

        await h.SetAttributeAsync("opportunity", Opportunity, "stage", "lost");
        Assert.Equal(0, await QueuedEventsAsync());

        // The outbox remembers that nobody listened; saving an automation must make it listen again at once.
        await h.SaveAsync("on-update", "On update", [new AutomationTrigger { Type = AutomationTriggerType.EntityUpdated, EntitySchema = "opportunity" }],
            new AutomationAction { Type = AutomationActionType.AddNote, Body = "Changed." });
        await h.SetAttributeAsync("opportunity", Opportunity, "stage", "won");

        Assert.Equal(1, await QueuedEventsAsync());
    }

    private async Task<int> QueuedEventsAsync()
    {
        await using var db = h.Db();
        return await db.Jobs.CountAsync(j => j.Kind == AutomationOutbox.EventJobKind && j.Status == JobStatus.Queued);
    }

    [Fact]
    public async Task An_event_delivered_twice_runs_each_automation_once()
    {
        await h.SaveAsync("on-update", "On update", [new AutomationTrigger { Type = AutomationTriggerType.EntityUpdated, EntitySchema = "opportunity" }],
            new AutomationAction { Type = AutomationActionType.AddNote, Body = "Changed." });
        await h.SetAttributeAsync("opportunity", Opportunity, "stage", "won");
        await using (var db = h.Db())
        {
            var eventJob = await db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == AutomationOutbox.EventJobKind && j.Status == JobStatus.Queued);
            // The same event a second time, as a crashed fan-out retried by another worker would deliver it.
            await h.Jobs.EnqueueAsync(new NewJob(eventJob.Kind, eventJob.Payload) { IdempotencyKey = "redelivered" }, CancellationToken.None);
        }

        await h.RunJobsAsync();

        var run = Assert.Single(await h.RunsAsync("on-update"));
        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        Assert.Contains("stage", run.Event.ChangedAttributes!);
    }

    [Fact]
    public async Task An_update_trigger_limited_to_attributes_ignores_changes_of_others()
    {
        await h.SaveAsync("on-stage", "On stage", [new AutomationTrigger { Type = AutomationTriggerType.EntityUpdated, EntitySchema = "opportunity", Attributes = ["stage"] }],
            new AutomationAction { Type = AutomationActionType.AddNote, Body = "Stage is {{entity.stage}}." });

        await h.SetAttributeAsync("opportunity", Opportunity, "amount", JsonValue.Create(1234m));
        await h.RunJobsAsync();
        Assert.Empty(await h.RunsAsync("on-stage"));

        await h.SetAttributeAsync("opportunity", Opportunity, "stage", "lost");
        await h.RunJobsAsync();
        Assert.Equal(AutomationRunStatus.Succeeded, Assert.Single(await h.RunsAsync("on-stage")).Status);
    }

    [Fact]
    public async Task An_automation_firing_more_than_100_times_in_30_seconds_is_switched_off_and_its_owner_told()
    {
        await h.SaveAsync("chatty", "Chatty", [new AutomationTrigger { Type = AutomationTriggerType.EntityUpdated, EntitySchema = "opportunity" }],
            new AutomationAction { Type = AutomationActionType.AddNote, Body = "x" });
        var dispatcher = h.Services.GetRequiredService<AutomationDispatcher>();
        for (var i = 0; i < AutomationLimits.DefaultMaxExecutions + 1; i++)
        {
            await dispatcher.DispatchAsync(new RunRequest("chatty", new AutomationEvent { Type = AutomationTriggerType.EntityUpdated, EntityId = Opportunity }, $"e{i}", "test"), CancellationToken.None);
        }

        var automation = (await h.Automations.GetAsync("chatty", CancellationToken.None))!;
        Assert.False(automation.Enabled);
        Assert.Contains("looks like a loop", automation.DisabledReason, StringComparison.Ordinal);
        Assert.Equal(AutomationLimits.DefaultMaxExecutions, (await h.RunsAsync("chatty")).Count);
        await using var db = h.Db();
        var notice = await db.Notifications.AsNoTracking().SingleAsync(n => n.Kind == "automation-disabled");
        Assert.Equal(AutomationHarness.Lena.Id, notice.UserId);
    }

    [Fact]
    public async Task A_failed_run_can_be_re_run_and_skips_the_actions_that_already_succeeded()
    {
        await using var receiver = await WebhookListener.StartAsync();
        receiver.StatusCode = 410;
        await h.SaveAsync("two", "Note then hook", Manual(),
            new AutomationAction { Id = "n", Type = AutomationActionType.AddNote, Body = "Once." },
            new AutomationAction { Id = "w", Type = AutomationActionType.CallWebhook, Url = receiver.Address.ToString() });

        var run = await RunOnRecordAsync("two", Opportunity);
        Assert.Equal(AutomationRunStatus.Failed, run.Status);
        Assert.Equal([ActionStatus.Succeeded, ActionStatus.Failed], run.Actions.Select(a => a.Status));

        receiver.StatusCode = 200;
        var rerun = await h.Automations.RerunAsync(run.Id, CancellationToken.None);
        Assert.True(rerun.Succeeded, rerun.Error);
        await h.RunJobsAsync();

        run = (await h.Automations.GetRunAsync(run.Id, CancellationToken.None))!;
        Assert.Equal(AutomationRunStatus.Succeeded, run.Status);
        await using var db = h.Db();
        Assert.Equal(1, await db.Notes.CountAsync(n => n.EntityId == Opportunity && n.Body == "Once."));
    }
}
