using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>
/// <c>/v1/webhooks</c> for administrators: create (the secret answered once), read without the secret, change, switch
/// off and on, rotate, delete; bad input answered 4xx with the reason and nothing stored; other roles refused.
/// </summary>
public sealed class WebhooksApiTests(WebhooksApiTests.App app) : IClassFixture<WebhooksApiTests.App>, IAsyncLifetime
{
    private HttpClient admin = default!;

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync() => admin = await ApiClients.ForAsync(app, "admin@workflows.demo");

    public Task DisposeAsync()
    {
        admin.Dispose();
        return Task.CompletedTask;
    }

    private static JsonObject Body(string url = "https://erp.example.com/hooks", params string[] events) => new()
    {
        ["url"] = url,
        ["events"] = new JsonArray([.. (events.Length == 0 ? ["FlowStarted", "TaskCompleted"] : events).Select(e => (JsonNode)e)]),
        ["description"] = "ERP sync",
    };

    private async Task<int> StoredCountAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await db.WebhookSubscriptions.CountAsync();
    }

    [Fact]
    public async Task An_admin_creates_reads_changes_switches_rotates_and_deletes_a_webhook_whose_secret_is_shown_only_once()
    {
        using var created = await admin.PostAsJsonAsync("/v1/webhooks", Body());
        var view = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)view["id"]!;
        var secret = (string)view["secret"]!;
        var read = await GetAsync(admin, $"/v1/webhooks/{id}");
        var listed = (await GetAsync(admin, "/v1/webhooks"))["results"]!.AsArray();
        using var changed = await admin.PutAsJsonAsync($"/v1/webhooks/{id}", Body("https://erp.example.com/v2/hooks", "FlowCompleted"));
        using var off = await PatchAsync(admin, $"/v1/webhooks/{id}", new JsonObject { ["enabled"] = false });
        using var rotated = await admin.PostAsync(new Uri($"/v1/webhooks/{id}/secret", UriKind.Relative), null);
        var newSecret = (string)(await rotated.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!;
        var deliveries = (await GetAsync(admin, $"/v1/webhooks/{id}/deliveries"))["results"]!.AsArray();
        using var deleted = await admin.DeleteAsync(new Uri($"/v1/webhooks/{id}", UriKind.Relative));
        using var gone = await admin.GetAsync(new Uri($"/v1/webhooks/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(["FlowStarted", "TaskCompleted"], view["events"]!.AsArray().Select(e => (string)e!));
        Assert.True((bool)view["enabled"]!);
        foreach (var shown in new[] { read, listed.Single(w => (string?)w!["id"] == id)!.AsObject() })
        {
            Assert.Null(shown["secret"]);
            Assert.True((bool)shown["has_secret"]!);
            Assert.DoesNotContain(secret, shown.ToJsonString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var changedView = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("https://erp.example.com/v2/hooks", (string?)changedView["url"]);
        Assert.Null(changedView["secret"]);
        Assert.False((bool)(await off.Content.ReadFromJsonAsync<JsonObject>())!["enabled"]!);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(secret, newSecret);
        Assert.Empty(deliveries);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_one_webhook()
    {
        var before = await StoredCountAsync();
        async Task<HttpResponseMessage> CreateAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks") { Content = JsonContent.Create(Body("https://once.example.com/h")) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", "create-webhook-once");
            return await admin.SendAsync(request);
        }

        using var first = await CreateAsync();
        using var second = await CreateAsync();

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await StoredCountAsync());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"url":"http://erp.example.com/h","events":["FlowStarted"]}""", "A webhook URL must use https; plain http only to a host allowed by Webhooks:AllowedHosts." },
        { """{"url":"https://127.0.0.1/h","events":["FlowStarted"]}""", "The URL is refused: 127.0.0.1 is a loopback address; allow it with Webhooks:AllowedHosts." },
        { """{"url":"https://erp.example.com/h","events":["FlowExploded"]}""", "\"FlowExploded\" is not a workflow event one can subscribe to" },
        { """{"url":"https://erp.example.com/h","events":[]}""", "Choose at least one event to subscribe to." },
        { """{"events":["FlowStarted"]}""", "A webhook needs the URL to send events to." },
        { """{"url":"https://erp.example.com/h","events":["FlowStarted"],"template_ids":["nope"]}""", "There is no workflow template 'nope' to filter by." },
        { """{"url":"https://erp.example.com/h","events":["FlowStarted"],"secret":"mine"}""", "secret" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_webhook_is_refused_with_the_reason_and_nothing_is_stored(string body, string reason)
    {
        var before = await StoredCountAsync();

        using var response = await admin.PostAsync(new Uri("/v1/webhooks", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await MessageOf(response), StringComparison.Ordinal);
        Assert.Equal(before, await StoredCountAsync());
    }

    [Fact]
    public async Task Unknown_webhooks_and_deliveries_are_404_and_a_bad_size_400()
    {
        using var created = await admin.PostAsJsonAsync("/v1/webhooks", Body("https://four.example.com/h"));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        using var noHook = await admin.GetAsync(new Uri("/v1/webhooks/wh_nope/deliveries", UriKind.Relative));
        using var noDelivery = await admin.PostAsync(new Uri($"/v1/webhooks/{id}/deliveries/msg_nope/resend", UriKind.Relative), null);
        using var badSize = await admin.GetAsync(new Uri($"/v1/webhooks/{id}/deliveries?size=0", UriKind.Relative));
        using var noEnabled = await PatchAsync(admin, $"/v1/webhooks/{id}", new JsonObject());

        Assert.Equal(HttpStatusCode.NotFound, noHook.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noDelivery.StatusCode);
        Assert.Equal("There is no delivery 'msg_nope' of this webhook.", await MessageOf(noDelivery));
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEnabled.StatusCode);
    }

    [Theory]
    [InlineData("builder@workflows.demo")]
    [InlineData("manager@workflows.demo")]
    public async Task Only_administrators_manage_webhooks(string email)
    {
        using var other = await ApiClients.ForAsync(app, email);

        using var list = await other.GetAsync(new Uri("/v1/webhooks", UriKind.Relative));
        using var create = await other.PostAsJsonAsync("/v1/webhooks", Body("https://no.example.com/h"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (list.StatusCode, create.StatusCode));
    }
}
