using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Core.Automations.Webhooks;

namespace Workflows.Core.Automations.Actions;

/// <summary>
/// POSTs the event as JSON, signed with HMAC-SHA256 when the action has a secret, through the resilient
/// <see cref="HttpClientName"/> client. 2xx succeeds; 408, 429, 5xx, timeouts and network errors are retried by the
/// job; other answers fail the run. The client connects only where <see cref="WebhookAddressPolicy"/> allows: an
/// internal address fails the run at once with the reason.
/// </summary>
internal sealed class CallWebhookAction(IHttpClientFactory clients, WebhookSecrets secrets) : IActionHandler
{
    public const int DefaultTimeoutSeconds = 10;

    public AutomationActionType Type => AutomationActionType.CallWebhook;

    public async Task<string> RunAsync(AutomationAction action, ActionContext context, CancellationToken cancellationToken)
    {
        var url = ValueTemplate.Render(action.Url, context.Scope).Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ActionFailedException($"\"{url}\" is not an http(s) address.");
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(Payload(context), JsonOptions);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.DeliveryHeader, $"{context.Run.Id}:{action.Id}");
        if (secrets.SigningKeyOf(action) is { } key)
        {
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(key, body));
        }

        var timeout = TimeSpan.FromSeconds(Math.Clamp(action.TimeoutSeconds ?? DefaultTimeoutSeconds, 1, 120));
        var sent = await WebhookCall.SendAsync(clients, request, timeout, cancellationToken);
        if (sent.Response is not { } response)
        {
            throw new ActionFailedException(sent.Failure!, sent.Transient);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return $"POST {uri} answered {status}.";
            }

            var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            throw new ActionFailedException($"POST {uri} answered {status} {response.ReasonPhrase}.", transient);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static JsonObject Payload(ActionContext context)
    {
        var scope = context.Scope;
        return new JsonObject
        {
            ["run_id"] = context.Run.Id,
            ["automation"] = new JsonObject { ["id"] = context.Run.AutomationId, ["name"] = context.Run.AutomationName },
            ["event"] = JsonSerializer.SerializeToNode(context.Run.Event, JsonOptions),
            ["entity"] = scope.Entity is { } entity
                ? new JsonObject
                {
                    ["_id"] = entity.Id,
                    ["_schema"] = entity.Schema,
                    ["_title"] = entity.Title,
                    ["attributes"] = entity.Attributes.DeepClone(),
                }
                : null,
            ["workflow"] = scope.Workflow is { } workflow
                ? new JsonObject { ["id"] = workflow.Id, ["name"] = workflow.Name, ["status"] = workflow.Status.ToString() }
                : null,
            ["task"] = scope.Task is { } task
                ? new JsonObject { ["id"] = task.Id, ["name"] = task.Name, ["status"] = task.Status.ToString() }
                : null,
        };
    }
}
