using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>
/// Automations over the API (<c>/v1/automation/flows</c>, <c>/v1/automation/executions</c>): build, replace, switch
/// off and delete them as a builder, run one on a record and read its action log as a case worker, under the rules
/// of the Automations pages; a webhook's key is write-only.
/// </summary>
public sealed class AutomationsApiTests(AutomationsApiTests.App app) : IClassFixture<AutomationsApiTests.App>, IAsyncLifetime
{
    private const string Key = "s3cret-erp-key-4711";

    private HttpClient builder = default!;
    private HttpClient caseWorker = default!;
    private HttpClient partner = default!;

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        partner = await ApiClients.ForAsync(app, "partner@solartech.demo");
    }

    public Task DisposeAsync()
    {
        builder.Dispose();
        caseWorker.Dispose();
        partner.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_builder_creates_replaces_disables_and_deletes_an_automation_whose_webhook_key_never_comes_back()
    {
        using var created = await builder.PostAsJsonAsync("/v1/automation/flows", Automation("Tell the ERP", withHook: true));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        var automation = JsonNode.Parse(text)!.AsObject();
        var id = (string)automation["id"]!;
        Assert.True((bool)automation["actions"]![1]!["has_secret"]!);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        using var listed = await builder.GetAsync(new Uri("/v1/automation/flows", UriKind.Relative));
        Assert.DoesNotContain(Key, await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var replaced = await PutAsync(builder, id, Automation("Tell the ERP at once", withHook: true, keepKey: true), "\"1\""))
        {
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
            var after = (await replaced.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("Tell the ERP at once", (string)after["name"]!);
            Assert.True((bool)after["actions"]![1]!["has_secret"]!, "a replace that sends no key keeps the stored one");
        }

        using (var stale = await PutAsync(builder, id, Automation("Someone else's edit", withHook: false), "\"1\""))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var off = await PatchAsync(builder, $"/v1/automation/flows/{id}", new JsonObject { ["enabled"] = false }))
        {
            Assert.False((bool)(await off.Content.ReadFromJsonAsync<JsonObject>())!["enabled"]!);
        }

        using var runOff = await caseWorker.PostAsJsonAsync("/v1/automation/executions", new { flow_id = id, entity_id = "opportunity-004" });
        Assert.Equal(HttpStatusCode.BadRequest, runOff.StatusCode);
        Assert.Contains("is disabled", await MessageOf(runOff), StringComparison.Ordinal);

        using (var deleted = await builder.DeleteAsync(new Uri($"/v1/automation/flows/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await builder.GetAsync(new Uri($"/v1/automation/flows/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_case_worker_runs_a_manual_automation_on_a_record_and_reads_its_action_log()
    {
        using var created = await builder.PostAsJsonAsync("/v1/automation/flows", Automation("Note the call", withHook: false));
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        using var started = await caseWorker.PostAsJsonAsync("/v1/automation/executions", new { flow_id = id, entity_id = "opportunity-004" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var runId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        // The job worker runs it: read it back until it is done.
        var run = await GetAsync(caseWorker, $"/v1/automation/executions/{runId}");
        for (var wait = 0; (string?)run["status"] is not ("Succeeded" or "Failed") && wait < 100; wait++)
        {
            await Task.Delay(100);
            run = await GetAsync(caseWorker, $"/v1/automation/executions/{runId}");
        }

        Assert.Equal("Succeeded", (string?)run["status"]);
        var log = run["actions"]!.AsArray().Single()!;
        Assert.Equal("AddNote", (string)log["type"]!);
        Assert.Equal("Succeeded", (string)log["status"]!);

        var byRecord = await GetAsync(caseWorker, "/v1/automation/executions?entity_id=opportunity-004");
        Assert.Contains(byRecord["results"]!.AsArray(), r => (string?)r!["id"] == runId);
        var byAutomation = await GetAsync(caseWorker, $"/v1/automation/executions?flow_id={id}&size=5");
        Assert.Equal(runId, (string)byAutomation["results"]!.AsArray().Single()!["id"]!);

        using var retry = await caseWorker.PostAsync(new Uri($"/v1/automation/executions/{runId}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Contains("not failed", await MessageOf(retry), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_and_mistakes_are_refused_with_a_message()
    {
        using var caseWorkerBuilds = await caseWorker.PostAsJsonAsync("/v1/automation/flows", Automation("Not mine to build", withHook: false));
        using var partnerRuns = await partner.GetAsync(new Uri("/v1/automation/executions?entity_id=opportunity-004", UriKind.Relative));
        using var nameless = await builder.PostAsJsonAsync("/v1/automation/flows", new { triggers = new JsonArray(), actions = new JsonArray() });
        using var wrongType = await builder.PostAsJsonAsync("/v1/automation/flows", new { name = "x", triggers = new JsonArray(), actions = new JsonArray { new JsonObject { ["type"] = "Teleport" } } });
        using var unknown = await caseWorker.PostAsJsonAsync("/v1/automation/executions", new { flow_id = "nope", entity_id = "opportunity-004" });
        using var both = await caseWorker.GetAsync(new Uri("/v1/automation/executions?flow_id=a&entity_id=b", UriKind.Relative));
        using var tooMany = await caseWorker.GetAsync(new Uri("/v1/automation/executions?entity_id=opportunity-004&size=1000", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, caseWorkerBuilds.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, partnerRuns.StatusCode);
        Assert.Equal("An automation needs a 'name', its 'triggers' and its 'actions'.", await MessageOf(nameless));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    private static JsonObject Automation(string name, bool withHook, bool keepKey = false)
    {
        var actions = new JsonArray { new JsonObject { ["id"] = "note", ["type"] = "AddNote", ["body"] = "Called {{entity.name}}" } };
        if (withHook)
        {
            var hook = new JsonObject { ["id"] = "hook", ["type"] = "CallWebhook", ["url"] = "https://erp.invalid/hook" };
            if (!keepKey)
            {
                hook["secret"] = Key;
            }

            actions.Add(hook);
        }

        return new JsonObject
        {
            ["name"] = name,
            ["triggers"] = new JsonArray { new JsonObject { ["type"] = "Manual", ["entity_schema"] = "opportunity" } },
            ["actions"] = actions,
        };
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string id, JsonObject body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v1/automation/flows/{id}", UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
