using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>A partner token sees and works only tasks assigned to the partner or their organisation; everything else is "not found".</summary>
public sealed class PartnerIsolationTests(PartnerIsolationTests.App app) : IClassFixture<PartnerIsolationTests.App>, IAsyncLifetime
{
    private HttpClient solar = default!;
    private HttpClient meter = default!;
    private string executionId = "";

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        solar = await ApiClients.ForAsync(app, "partner@solartech.demo");
        meter = await ApiClients.ForAsync(app, "partner@messdienst.demo");
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        using var caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var templateId = (string)(await CreateTemplateAsync(builder, SolarTemplate("Partner job")))["id"]!;
        executionId = (string)(await StartAsync(caseWorker, templateId, "opportunity-005"))["id"]!;
    }

    public Task DisposeAsync()
    {
        solar.Dispose();
        meter.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_partner_sees_a_workflow_with_a_task_of_theirs_and_another_partner_does_not()
    {
        using var mine = await solar.GetAsync(new Uri($"/v2/flows/executions/{executionId}", UriKind.Relative));
        using var theirs = await meter.GetAsync(new Uri($"/v2/flows/executions/{executionId}", UriKind.Relative));
        using var search = await meter.PostAsJsonAsync("/v2/flows/executions:search", new { entity_id = "opportunity-005", entity_schema = "opportunity" });

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var visible = (await mine.Content.ReadFromJsonAsync<JsonObject>())!["tasks"]!.AsArray();
        Assert.NotEmpty(visible);
        Assert.All(visible, task => Assert.Contains("partner-solartech", task!["assigned_to"]!.AsArray().Select(a => a?.ToString())));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal($"There is no workflow '{executionId}'.", await MessageOf(theirs));
        Assert.Empty((await search.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray());
    }

    [Fact]
    public async Task A_partner_works_their_own_task_but_gets_404_for_any_other()
    {
        using var own = await PatchAsync(solar, $"/v2/flows/executions/{executionId}/tasks/docs", new JsonObject { ["status"] = "IN_PROGRESS" });
        using var other = await PatchAsync(solar, $"/v2/flows/executions/{executionId}/tasks/offer", new JsonObject { ["status"] = "IN_PROGRESS" });
        using var foreign = await PatchAsync(meter, $"/v2/flows/executions/{executionId}/tasks/docs", new JsonObject { ["status"] = "COMPLETED" });
        using var reassign = await PatchAsync(solar, $"/v2/flows/executions/{executionId}/tasks/docs", new JsonObject { ["assigned_to"] = new JsonArray { "partner-messdienst" } });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reassign.StatusCode);
    }

    [Fact]
    public async Task A_partners_task_search_is_limited_to_their_tasks()
    {
        using var all = await solar.PostAsJsonAsync("/v2/flows/tasks:search", new { execution_id = executionId, status = "all" });
        using var someoneElse = await solar.PostAsJsonAsync("/v2/flows/tasks:search", new { assignee = "office-team" });
        using var none = await meter.PostAsJsonAsync("/v2/flows/tasks:search", new { execution_id = executionId, status = "all" });

        var tasks = (await all.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["docs", "install"], tasks.Select(t => (string)t!["task_id"]!).Order());
        Assert.Equal(HttpStatusCode.Forbidden, someoneElse.StatusCode);
        Assert.Empty((await none.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray());
    }

    [Fact]
    public async Task A_partner_may_not_start_change_or_delete_workflows_nor_read_templates()
    {
        using var start = await solar.PostAsJsonAsync("/v2/flows/executions", new { flow_template_id = "x", contexts = new[] { new { entity_id = "opportunity-001" } } });
        using var close = await PatchAsync(solar, $"/v2/flows/executions/{executionId}", new JsonObject { ["status"] = "CLOSED" });
        using var delete = await solar.DeleteAsync(new Uri($"/v2/flows/executions/{executionId}", UriKind.Relative));
        using var templates = await solar.GetAsync(new Uri("/v2/flows/templates", UriKind.Relative));

        Assert.All([start, close, delete, templates], response => Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode));
    }
}
