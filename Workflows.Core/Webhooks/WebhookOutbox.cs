using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Jobs;

namespace Workflows.Core.Webhooks;

/// <summary>
/// Inside the transaction of a workflow change, adds a delivery and its sending job for every event some enabled
/// subscription wants, so an event is delivered exactly when its change is committed. The body is fixed here:
/// <c>{ "type", "timestamp", "data" }</c> as the Standard Webhooks spec suggests.
/// </summary>
internal sealed class WebhookOutbox(WebhookSubscribers subscribers, JobQueue jobs, TimeProvider clock, IOptions<WebhookDeliveryOptions> options) : IFlowCommitHook
{
    public async Task OnCommitAsync(FlowCommit commit, CancellationToken cancellationToken)
    {
        var execution = commit.Execution;
        foreach (var e in commit.Events)
        {
            foreach (var subscription in await subscribers.ForAsync(e.Type, execution.FlowTemplateId, cancellationToken))
            {
                var delivery = new WebhookDelivery
                {
                    Id = NewId(),
                    SubscriptionId = subscription.Id,
                    EventType = e.Type,
                    ExecutionId = execution.Id,
                    TemplateId = execution.FlowTemplateId,
                    Payload = Payload(commit, e),
                    CreatedAt = clock.GetUtcNow(),
                };
                delivery.JobId = Enqueue(commit.Db, jobs, delivery, options.Value, $"webhook:{delivery.Id}").Id;
                commit.Db.WebhookDeliveries.Add(delivery);
            }
        }
    }

    /// <summary>The Standard Webhooks message id: the same on every attempt of the delivery.</summary>
    public static string NewId() => "msg_" + Guid.CreateVersion7().ToString("N");

    public static Job Enqueue(Data.WorkflowsDbContext db, JobQueue jobs, WebhookDelivery delivery, WebhookDeliveryOptions options, string idempotencyKey) =>
        jobs.Add(db, new NewJob(WebhookDeliveryHandler.JobKind, delivery.Id)
        {
            IdempotencyKey = idempotencyKey,
            ExecutionId = delivery.ExecutionId,
            MaxAttempts = options.MaxAttempts,
        });

    private static string Payload(FlowCommit commit, FlowEvent e)
    {
        var execution = commit.Execution;
        var task = e.TaskId is null ? null : execution.FindTask(e.TaskId);
        var phase = e.PhaseId is null ? null : execution.FindPhase(e.PhaseId);
        var body = new JsonObject
        {
            ["type"] = e.Type.ToString(),
            ["timestamp"] = e.At.ToUniversalTime().ToString("O"),
            ["data"] = new JsonObject
            {
                ["workflow"] = new JsonObject
                {
                    ["id"] = execution.Id,
                    ["name"] = execution.Name,
                    ["status"] = execution.Status.ToString(),
                    ["template_id"] = execution.FlowTemplateId,
                },
                ["task"] = task is null ? null : new JsonObject { ["id"] = task.Id, ["name"] = task.Name, ["status"] = task.Status.ToString() },
                ["phase"] = phase is null ? null : new JsonObject { ["id"] = phase.Id, ["name"] = phase.Name },
                ["entity"] = (commit.Primary?.Id ?? execution.PrimaryContext?.EntityId) is { } entityId
                    ? new JsonObject { ["id"] = entityId, ["schema"] = commit.Primary?.Schema ?? execution.PrimaryContext?.EntitySchema }
                    : null,
                ["actor"] = new JsonObject { ["id"] = e.Actor.UserId, ["name"] = e.Actor.DisplayName },
                ["summary"] = e.Summary,
                ["detail"] = e.Detail,
            },
        };
        return body.ToJsonString(JsonOptions);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
