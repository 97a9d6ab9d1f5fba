using System.Net;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>
/// Parallel writes to one workflow through the API: without <c>If-Match</c> each applies to the current state (a lost
/// race is tried again on the fresh workflow); with <c>If-Match</c> a write based on a version that moved on is a 409.
/// </summary>
public sealed class FlowExecutionConcurrencyApiTests(FlowExecutionConcurrencyApiTests.App app)
    : IClassFixture<FlowExecutionConcurrencyApiTests.App>, IAsyncLifetime
{
    private HttpClient caseWorker = default!;
    private string templateId = "";

    public sealed class App : WorkflowsAppFactory
    {
        public App() => Settings["Jobs:RunWorker"] = "false";
    }

    private static string[] Tasks { get; } = [.. Enumerable.Range(1, 8).Select(i => $"t{i}")];

    /// <summary>A template of eight independent manual tasks, each open to work at once.</summary>
    public async Task InitializeAsync()
    {
        caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var template = SolarTemplate();
        template["tasks"] = new JsonArray([.. Tasks.Select(t => (JsonNode)ManualTask(t, $"Task {t}", "p1"))]);
        template["edges"] = new JsonArray();
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        templateId = (string)(await CreateTemplateAsync(builder, template))["id"]!;
    }

    public Task DisposeAsync()
    {
        caseWorker.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Parallel_patches_to_different_tasks_without_if_match_all_apply()
    {
        var id = (string)(await StartAsync(caseWorker, templateId, "opportunity-004"))["id"]!;

        var answers = await PatchEveryTaskAtOnceAsync(id, ifMatch: null);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{(int)a.Status} {a.Body}"));
        var execution = await GetAsync(caseWorker, $"/v2/flows/executions/{id}");
        Assert.All(Tasks, task => Assert.Equal("IN_PROGRESS", StatusOf(execution, task)));
    }

    [Fact]
    public async Task Parallel_patches_naming_the_same_version_in_if_match_give_one_success_and_409_for_the_rest()
    {
        var started = await StartAsync(caseWorker, templateId, "opportunity-005");
        var id = (string)started["id"]!;

        var answers = await PatchEveryTaskAtOnceAsync(id, ifMatch: (int)started["version"]!);

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Contains("was changed by Lena Schmidt", a.Body, StringComparison.Ordinal));
        var execution = await GetAsync(caseWorker, $"/v2/flows/executions/{id}");
        Assert.Single(Tasks, task => StatusOf(execution, task) == "IN_PROGRESS");
    }

    private async Task<(HttpStatusCode Status, string Body)[]> PatchEveryTaskAtOnceAsync(string executionId, int? ifMatch)
    {
        var patches = Tasks.Select(task => Task.Run(async () =>
        {
            using var response = await PatchAsync(
                caseWorker, $"/v2/flows/executions/{executionId}/tasks/{task}", new JsonObject { ["status"] = "IN_PROGRESS" }, ifMatch);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));
        return await Task.WhenAll(patches);
    }
}
