using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core;
using Workflows.Core.Flows;
using Workflows.Core.Webhooks;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Outbound webhooks for integrators (<c>/v1/webhooks</c>), for administrators: subscriptions to workflow events, an
/// optional template filter, switch on and off, a write-only signing secret (made by the server, answered once by
/// create and rotate), and the delivery log with every attempt and a re-send — the rules of Admin → Webhooks.
/// </summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Webhooks").RequireAuthorization(AuthorizationPolicies.Administer);

        group.MapGet("/webhooks", ListAsync).Produces<WebhookList>()
            .Documented("listWebhooks", "List the webhook subscriptions");
        group.MapPost("/webhooks", CreateAsync).Accepts<WebhookBody>("application/json").Idempotent().Produces<WebhookView>(StatusCodes.Status201Created)
            .Documented("createWebhook", "Subscribe a URL to workflow events; the answer carries the signing secret this once");
        group.MapGet("/webhooks/{webhookId}", GetAsync).Produces<WebhookView>()
            .Documented("getWebhook", "Read a webhook subscription (its secret is never shown)");
        group.MapPut("/webhooks/{webhookId}", UpdateAsync).Accepts<WebhookBody>("application/json").Produces<WebhookView>()
            .Documented("updateWebhook", "Change a subscription's URL, events, template filter or description");
        group.MapPatch("/webhooks/{webhookId}", SetEnabledAsync).Accepts<EnabledBody>("application/json").Produces<WebhookView>()
            .Documented("setWebhookEnabled", "Switch a subscription on (counting failures afresh) or off");
        group.MapDelete("/webhooks/{webhookId}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("deleteWebhook", "Delete a subscription with its delivery log");
        group.MapPost("/webhooks/{webhookId}/secret", RotateAsync).Produces<WebhookView>()
            .Documented("rotateWebhookSecret", "Replace the signing secret; the answer carries the new one this once");
        group.MapGet("/webhooks/{webhookId}/deliveries", DeliveriesAsync).Produces<DeliveryList>()
            .Documented("listWebhookDeliveries", "The latest deliveries, newest first, each with its attempts", StatusCodes.Status400BadRequest);
        group.MapPost("/webhooks/{webhookId}/deliveries/{deliveryId}/resend", ResendAsync).Produces<DeliveryView>(StatusCodes.Status202Accepted)
            .Documented("resendWebhookDelivery", "Send a delivery again with the same webhook-id", StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> ListAsync(WebhookService webhooks, CancellationToken ct) =>
        TypedResults.Json(new WebhookList([.. (await webhooks.ListAsync(ct)).Select(s => WebhookView.From(s))]), FlowJson.Options);

    private static async Task<Results<JsonHttpResult<WebhookView>, ApiProblem>> GetAsync(string webhookId, WebhookService webhooks, CancellationToken ct) =>
        Answer(await webhooks.GetAsync(webhookId, ct) is { } subscription ? subscription : Refusal.NotFound($"There is no webhook '{webhookId}'."));

    private static async Task<Results<JsonHttpResult<WebhookView>, ApiProblem>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, WebhookService webhooks, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<WebhookBody>(request, ct);
        var created = body.Succeeded ? await webhooks.CreateAsync(body.Value!.ToInput(), user.ToActor(), ct) : body.Refusal!;
        return created.Succeeded
            ? TypedResults.Json(WebhookView.From(created.Value!.Subscription, created.Value.Secret), FlowJson.Options, statusCode: StatusCodes.Status201Created)
            : ApiResults.Problem(created.Refusal!);
    }

    private static async Task<Results<JsonHttpResult<WebhookView>, ApiProblem>> UpdateAsync(
        string webhookId, HttpRequest request, WebhookService webhooks, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<WebhookBody>(request, ct);
        return Answer(body.Succeeded ? await webhooks.UpdateAsync(webhookId, body.Value!.ToInput(), ct) : body.Refusal!);
    }

    private static async Task<Results<JsonHttpResult<WebhookView>, ApiProblem>> SetEnabledAsync(
        string webhookId, HttpRequest request, WebhookService webhooks, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<EnabledBody>(request, ct);
        var asked = body.Succeeded && body.Value!.Enabled is null ? Refusal.Invalid("Send { \"enabled\": true } or { \"enabled\": false }.") : body.Refusal;
        return Answer(asked is null ? await webhooks.SetEnabledAsync(webhookId, body.Value!.Enabled!.Value, ct) : asked);
    }

    private static async Task<Results<NoContent, ApiProblem>> DeleteAsync(string webhookId, WebhookService webhooks, CancellationToken ct)
    {
        var deleted = await webhooks.DeleteAsync(webhookId, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal!);
    }

    private static async Task<Results<JsonHttpResult<WebhookView>, ApiProblem>> RotateAsync(string webhookId, WebhookService webhooks, CancellationToken ct)
    {
        var rotated = await webhooks.RotateSecretAsync(webhookId, ct);
        return rotated.Succeeded
            ? TypedResults.Json(WebhookView.From(rotated.Value!.Subscription, rotated.Value.Secret), FlowJson.Options)
            : ApiResults.Problem(rotated.Refusal!);
    }

    private static async Task<Results<JsonHttpResult<DeliveryList>, ApiProblem>> DeliveriesAsync(
        string webhookId, int? size, WebhookService webhooks, CancellationToken ct)
    {
        if (size is < 1 or > WebhookService.MaxDeliveries)
        {
            return ApiResults.BadRequest($"'size' is how many deliveries to list: 1 to {WebhookService.MaxDeliveries}.");
        }

        var deliveries = await webhooks.DeliveriesAsync(webhookId, size ?? 25, ct);
        return deliveries.Succeeded
            ? TypedResults.Json(new DeliveryList([.. deliveries.Value!.Select(DeliveryView.From)]), FlowJson.Options)
            : ApiResults.Problem(deliveries.Refusal!);
    }

    private static async Task<Results<JsonHttpResult<DeliveryView>, ApiProblem>> ResendAsync(
        string webhookId, string deliveryId, WebhookService webhooks, CancellationToken ct)
    {
        var resent = await webhooks.ResendAsync(webhookId, deliveryId, ct);
        return resent.Succeeded
            ? TypedResults.Json(DeliveryView.From(resent.Value!), FlowJson.Options, statusCode: StatusCodes.Status202Accepted)
            : ApiResults.Problem(resent.Refusal!);
    }

    private static Results<JsonHttpResult<WebhookView>, ApiProblem> Answer(Outcome<WebhookSubscription> outcome) =>
        outcome.Succeeded ? TypedResults.Json(WebhookView.From(outcome.Value!), FlowJson.Options) : ApiResults.Problem(outcome.Refusal!);

    /// <summary>
    /// A subscription as the API shows it. <c>secret</c> appears only in the answers to create and rotate; otherwise
    /// <c>has_secret</c> says one is set.
    /// </summary>
    public sealed record WebhookView(
        string Id,
        string Url,
        string? Description,
        IReadOnlyList<string> Events,
        IReadOnlyList<string> TemplateIds,
        bool Enabled,
        string? DisabledReason,
        int ConsecutiveFailures,
        bool HasSecret,
        string OwnerId,
        string OwnerName,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Secret { get; init; }

        public static WebhookView From(WebhookSubscription s, string? secret = null) =>
            new(s.Id, s.Url, s.Description, [.. s.EventTypes.Select(e => e.ToString())], s.TemplateIds, s.Enabled, s.DisabledReason,
                s.ConsecutiveFailures, true, s.OwnerId, s.OwnerName, s.CreatedAt, s.UpdatedAt) { Secret = secret };
    }

    /// <summary>What a client sends; there is no secret in it: the server makes one.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record WebhookBody(string? Url, IReadOnlyList<string>? Events, IReadOnlyList<string>? TemplateIds, string? Description)
    {
        public WebhookInput ToInput() => new(Url, Events, TemplateIds, Description);
    }

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record EnabledBody(bool? Enabled);

    public sealed record WebhookList(IReadOnlyList<WebhookView> Results);

    public sealed record DeliveryView(
        string Id,
        string Event,
        string? ExecutionId,
        string? TemplateId,
        WebhookDeliveryStatus Status,
        DateTimeOffset CreatedAt,
        DateTimeOffset? NextAttemptAt,
        IReadOnlyList<WebhookAttempt> Attempts)
    {
        public static DeliveryView From(WebhookDelivery d) =>
            new(d.Id, d.EventType.ToString(), d.ExecutionId, d.TemplateId, d.Status, d.CreatedAt, d.NextAttemptAt, d.Attempts);
    }

    public sealed record DeliveryList(IReadOnlyList<DeliveryView> Results);
}
