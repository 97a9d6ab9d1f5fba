using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Idempotency;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>
/// <c>Idempotency-Key</c> on creating POSTs: a retry gets the first answer, a reused key with another body 422,
/// parallel duplicates create one thing, keys are per token and forgotten after 24 hours or a failed request.
/// </summary>
public sealed class IdempotencyApiTests(IdempotencyApiTests.App app) : IClassFixture<IdempotencyApiTests.App>, IAsyncLifetime
{
    private HttpClient caseWorker = default!;
    private string templateId = "";

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        templateId = (string)(await CreateTemplateAsync(builder))["id"]!;
    }

    public Task DisposeAsync()
    {
        caseWorker.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Eight_parallel_starts_with_one_key_start_one_workflow()
    {
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-007"), key)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {s}"));
        var ids = new HashSet<string>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
        {
            ids.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        Assert.Single(ids);
        Assert.Equal(1, await WorkflowsOfTemplateOnAsync("opportunity-007"));
        var retry = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-007"), key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(ids.Single(), (string)(await retry.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        Assert.Equal(1, await WorkflowsOfTemplateOnAsync("opportunity-007"));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_response_with_its_ETag()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-008"), key);
        using var again = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-008"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.NotNull(first.Headers.ETag);
        Assert.Equal("application/json; charset=utf-8", again.Content.Headers.ContentType?.ToString());
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await WorkflowsOfTemplateOnAsync("opportunity-008"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_with_422()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-009"), key);
        using var other = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-010"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("was used for a different request", await MessageOf(other), StringComparison.Ordinal);
        Assert.Equal(0, await WorkflowsOfTemplateOnAsync("opportunity-010"));
    }

    [Fact]
    public async Task Keys_belong_to_one_token_so_another_token_with_the_same_key_creates_its_own()
    {
        var key = Guid.NewGuid().ToString();
        using var otherToken = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        using var first = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-011"), key);
        using var second = await PostAsync(otherToken, "/v2/flows/executions", Start("opportunity-011"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await WorkflowsOfTemplateOnAsync("opportunity-011"));
    }

    [Fact]
    public async Task A_failed_request_does_not_use_up_its_key()
    {
        var key = Guid.NewGuid().ToString();
        using var refused = await PostAsync(caseWorker, "/v2/flows/executions", new JsonObject { ["flow_template_id"] = templateId }, key);
        using var fixedUp = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-012"), key);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fixedUp.StatusCode);
    }

    [Fact]
    public async Task An_expired_key_is_swept_and_may_be_used_again()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-013"), key);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            var past = DateTimeOffset.UtcNow - IdempotencyStore.Retention - TimeSpan.FromMinutes(1);
            Assert.Equal(1, await db.IdempotencyKeys.Where(e => e.Key == key).ExecuteUpdateAsync(set => set.SetProperty(e => e.ExpiresAt, past)));
        }

        using var reused = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-014"), key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reused.StatusCode);
        Assert.Equal(1, await WorkflowsOfTemplateOnAsync("opportunity-014"));

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            var past = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
            await db.IdempotencyKeys.Where(e => e.Key == key).ExecuteUpdateAsync(set => set.SetProperty(e => e.ExpiresAt, past));
        }

        Assert.True(await app.Services.GetRequiredService<IdempotencyStore>().SweepAsync(CancellationToken.None) >= 1);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync())
        {
            Assert.False(await db.IdempotencyKeys.AnyAsync(e => e.Key == key));
        }
    }

    [Fact]
    public async Task A_key_that_is_too_long_or_not_ascii_is_refused_with_400()
    {
        using var tooLong = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-015"), new string('k', 256));
        using var spaced = await PostAsync(caseWorker, "/v2/flows/executions", Start("opportunity-015"), "two words");

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, spaced.StatusCode);
        Assert.Contains("Idempotency-Key", await MessageOf(spaced), StringComparison.Ordinal);
        Assert.Equal(0, await WorkflowsOfTemplateOnAsync("opportunity-015"));
    }

    [Fact]
    public async Task Creating_a_record_a_template_and_a_closing_reason_is_replayed_too()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        var creates = new (HttpClient Client, string Path, JsonNode Body)[]
        {
            (caseWorker, "/v1/entity/contact", new JsonObject { ["first_name"] = "Ida", ["last_name"] = "Idem" }),
            (builder, "/v2/flows/templates", SolarTemplate("Idempotent template")),
            (builder, "/v1/workflows/closing-reasons", new JsonObject { ["title"] = "Idempotent reason " + Guid.NewGuid().ToString("N")[..6] }),
        };
        foreach (var (client, path, body) in creates)
        {
            var key = Guid.NewGuid().ToString();
            using var first = await PostAsync(client, path, body, key);
            using var again = await PostAsync(client, path, body, key);
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
            Assert.True(again.Headers.Contains("Idempotent-Replayed"), path);
        }
    }

    private JsonObject Start(string entityId) => new()
    {
        ["flow_template_id"] = templateId,
        ["contexts"] = new JsonArray { new JsonObject { ["entity_id"] = entityId, ["entity_schema"] = "opportunity" } },
    };

    private async Task<int> WorkflowsOfTemplateOnAsync(string entityId)
    {
        using var response = await caseWorker.PostAsJsonAsync("/v2/flows/executions:search", new { entity_id = entityId, entity_schema = "opportunity" });
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        return results.Count(x => (string?)x!["flow_template_id"] == templateId);
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, JsonNode body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
