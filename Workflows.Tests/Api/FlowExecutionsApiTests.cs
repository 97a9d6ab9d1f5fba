using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

public sealed class FlowExecutionsApiTests(FlowExecutionsApiTests.App app) : IClassFixture<FlowExecutionsApiTests.App>, IAsyncLifetime
{
    private HttpClient caseWorker = default!;
    private HttpClient admin = default!;
    private string templateId = "";

    /// <summary>
    /// Without the job worker: these tests assert what the API itself does and leaves queued (an automation run stays
    /// IN_PROGRESS for the worker); a worker racing them finished such a run between two requests now and then.
    /// </summary>
    public sealed class App : WorkflowsAppFactory
    {
        public App() => Settings["Jobs:RunWorker"] = "false";
    }

    public async Task InitializeAsync()
    {
        caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        templateId = (string)(await CreateTemplateAsync(builder, SolarTemplate().WithAutomation()))["id"]!;
    }

    public Task DisposeAsync()
    {
        caseWorker.Dispose();
        admin.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Starting_a_workflow_answers_201_with_the_execution()
    {
        using var response = await caseWorker.PostAsJsonAsync("/v2/flows/executions", new
        {
            flow_template_id = templateId,
            contexts = new[] { new { entity_id = "opportunity-002" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var execution = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("STARTED", (string?)execution["status"]);
        Assert.Equal("opportunity", (string?)execution["contexts"]![0]!["entity_schema"]);
        Assert.True((bool)execution["contexts"]![0]!["is_primary"]!);
        Assert.Contains(execution["crt_tasks"]!.AsArray(), t => (string?)t!["id"] == "docs");
        Assert.Equal("PENDING", StatusOf(execution, "offer"));
        Assert.False((bool)TaskOf(execution, "offer")["enabled"]!);
        Assert.Equal($"\"{(int)execution["version"]!}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Starting_is_refused_for_an_unknown_template_or_record_and_without_contexts()
    {
        using var unknownTemplate = await caseWorker.PostAsJsonAsync("/v2/flows/executions", new { flow_template_id = "nope", contexts = new[] { new { entity_id = "opportunity-001" } } });
        using var unknownRecord = await caseWorker.PostAsJsonAsync("/v2/flows/executions", new { flow_template_id = templateId, contexts = new[] { new { entity_id = "opportunity-999" } } });
        using var noContexts = await caseWorker.PostAsJsonAsync("/v2/flows/executions", new { flow_template_id = templateId, contexts = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.NotFound, unknownTemplate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRecord.StatusCode);
        Assert.Contains("opportunity-999", await MessageOf(unknownRecord), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noContexts.StatusCode);
    }

    [Fact]
    public async Task A_locked_task_is_refused_with_what_it_waits_for()
    {
        var execution = await StartAsync(caseWorker, templateId);

        using var response = await PatchAsync(caseWorker, $"/v2/flows/executions/{execution["id"]}/tasks/offer", new JsonObject { ["status"] = "COMPLETED" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'Send offer' waits for: Check documents", await MessageOf(response));
    }

    [Fact]
    public async Task Working_tasks_through_the_lock_and_the_decision_finishes_the_workflow()
    {
        var execution = await StartAsync(caseWorker, templateId);
        var id = (string)execution["id"]!;
        var path = $"/v2/flows/executions/{id}";

        var docs = await PatchTaskAsync(caseWorker, id, "docs", new JsonObject { ["status"] = "COMPLETED" });
        await PatchTaskAsync(caseWorker, id, "offer", new JsonObject { ["status"] = "IN_PROGRESS" });
        await PatchTaskAsync(caseWorker, id, "offer", new JsonObject { ["status"] = "COMPLETED" });
        var decided = await PatchTaskAsync(caseWorker, id, "approve", new JsonObject { ["next_condition_id"] = "yes" });
        var afterDecision = await GetAsync(caseWorker, path);
        await PatchTaskAsync(caseWorker, id, "install", new JsonObject { ["status"] = "COMPLETED" });
        await PatchTaskAsync(caseWorker, id, "notify", new JsonObject { ["status"] = "SKIPPED" });
        var done = await GetAsync(caseWorker, path);

        Assert.Equal("COMPLETED", (string?)docs["status"]);
        Assert.Equal("COMPLETED", (string?)decided["status"]);
        Assert.Equal("SKIPPED", StatusOf(afterDecision, "reject"));
        Assert.Equal("PENDING", StatusOf(afterDecision, "install"));
        Assert.Equal("DONE", (string?)done["status"]);
        Assert.Equal("COMPLETED", (string?)done["phases"]![1]!["status"]);
    }

    [Fact]
    public async Task Reopening_a_finished_task_with_revert_execution_resets_the_tasks_after_it()
    {
        var id = (string)(await StartAsync(caseWorker, templateId))["id"]!;
        await PatchTaskAsync(caseWorker, id, "docs", new JsonObject { ["status"] = "COMPLETED" });
        await PatchTaskAsync(caseWorker, id, "offer", new JsonObject { ["status"] = "COMPLETED" });

        await PatchTaskAsync(caseWorker, id, "docs", new JsonObject { ["status"] = "PENDING", ["revert_execution"] = true });

        var execution = await GetAsync(caseWorker, $"/v2/flows/executions/{id}");
        Assert.Equal("PENDING", StatusOf(execution, "docs"));
        Assert.Equal("PENDING", StatusOf(execution, "offer"));
        Assert.Equal("docs", (string?)execution["crt_tasks"]![0]!["id"]);
    }

    [Fact]
    public async Task A_change_based_on_a_stale_version_or_a_finished_task_is_refused_with_409()
    {
        var execution = await StartAsync(caseWorker, templateId);
        var id = (string)execution["id"]!;
        var seen = (int)execution["version"]!;
        await PatchTaskAsync(caseWorker, id, "docs", new JsonObject { ["status"] = "IN_PROGRESS" });

        using var stale = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/tasks/docs", new JsonObject { ["status"] = "COMPLETED" }, ifMatch: seen);
        using var current = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/tasks/docs", new JsonObject { ["status"] = "COMPLETED" }, ifMatch: seen + 1);
        using var twice = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/tasks/docs", new JsonObject { ["status"] = "COMPLETED" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("was changed by Lena Schmidt", await MessageOf(stale), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("'Check documents' is already completed.", await MessageOf(twice));
    }

    [Fact]
    public async Task Patching_a_task_assigns_it_and_sets_its_due_date_in_one_change()
    {
        var id = (string)(await StartAsync(caseWorker, templateId))["id"]!;

        var task = await PatchTaskAsync(caseWorker, id, "offer", new JsonObject
        {
            ["assigned_to"] = new JsonArray { "caseworker2" },
            ["due_date"] = "2031-05-03",
        });
        using var both = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/tasks/offer", new JsonObject
        {
            ["due_date"] = "2031-05-03",
            ["due_date_config"] = new JsonObject { ["duration"] = 2, ["unit"] = "days", ["type"] = "WORKFLOW_STARTED" },
        });
        using var rename = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/tasks/offer", new JsonObject { ["name"] = "Other" });
        using var unknownTask = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/tasks/nope", new JsonObject { ["status"] = "COMPLETED" });
        using var typo = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/tasks/offer", new JsonObject { ["stauts"] = "COMPLETED" });

        Assert.Equal("caseworker2", (string?)task["assigned_to"]![0]);
        Assert.Equal("2031-05-03", (string?)task["due_date"]);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownTask.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("'stauts' is not a field of this request", await MessageOf(typo), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patching_the_workflow_assigns_closes_with_a_reason_and_reopens_it()
    {
        var id = (string)(await StartAsync(caseWorker, templateId))["id"]!;
        var path = $"/v2/flows/executions/{id}";

        using var assigned = await PatchAsync(caseWorker, path, new JsonObject { ["assigned_to"] = new JsonArray { "manager" }, ["due_date"] = "2031-01-31" });
        using var twoReasons = await PatchAsync(caseWorker, path, Close("cr-customer-cancelled", "cr-duplicate"));
        using var foreignReason = await PatchAsync(caseWorker, path, Close("cr-credit-check"));
        using var closed = await PatchAsync(caseWorker, path, Close("cr-customer-cancelled"));
        using var patchWhileClosed = await PatchAsync(caseWorker, $"{path}/tasks/docs", new JsonObject { ["status"] = "COMPLETED" });
        using var done = await PatchAsync(caseWorker, path, new JsonObject { ["status"] = "DONE" });
        using var reopened = await PatchAsync(caseWorker, path, new JsonObject { ["status"] = "STARTED" });
        using var nothing = await PatchAsync(caseWorker, path, new JsonObject { ["status"] = "STARTED" });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("2031-01-31", (string?)(await assigned.Content.ReadFromJsonAsync<JsonObject>())!["due_date"]);
        Assert.Equal(HttpStatusCode.BadRequest, twoReasons.StatusCode);
        Assert.Contains("exactly one reason", await MessageOf(twoReasons), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, foreignReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var closedExecution = (await closed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("CLOSED", (string?)closedExecution["status"]);
        Assert.Equal("Customer cancelled", (string?)closedExecution["closing_reason"]!["selected_reasons"]![0]!["title"]);
        Assert.Equal("Called us on Monday.", (string?)closedExecution["closing_reason"]!["extra_description"]);
        Assert.Equal(HttpStatusCode.Conflict, patchWhileClosed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal("STARTED", (string?)(await reopened.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
    }

    [Fact]
    public async Task A_task_added_between_two_tasks_rewires_the_edges()
    {
        var id = (string)(await StartAsync(caseWorker, templateId))["id"]!;

        using var response = await caseWorker.PostAsJsonAsync($"/v2/flows/executions/{id}/tasks", new JsonObject
        {
            ["previous_task_id"] = "docs",
            ["next_task_id"] = "offer",
            ["task"] = new JsonObject { ["id"] = "call", ["name"] = "Call the customer", ["assigned_to"] = new JsonArray { "caseworker2" } },
        });
        using var automation = await caseWorker.PostAsJsonAsync($"/v2/flows/executions/{id}/tasks", new JsonObject
        {
            ["previous_task_id"] = "docs",
            ["task"] = new JsonObject { ["name"] = "Robot", ["task_type"] = "AUTOMATION" },
        });
        using var nameless = await caseWorker.PostAsJsonAsync($"/v2/flows/executions/{id}/tasks", new JsonObject { ["previous_task_id"] = "docs", ["task"] = new JsonObject() });
        using var notAnObject = await caseWorker.PostAsJsonAsync($"/v2/flows/executions/{id}/tasks", new JsonObject { ["previous_task_id"] = "docs", ["task"] = "Call" });
        using var nowhere = await caseWorker.PostAsJsonAsync($"/v2/flows/executions/{id}/tasks", new JsonObject { ["previous_task_id"] = "nope", ["task"] = new JsonObject { ["name"] = "X" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var task = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True((bool)task["manually_created"]!);
        Assert.Equal("p1", (string?)task["phase_id"]);
        var execution = await GetAsync(caseWorker, $"/v2/flows/executions/{id}");
        var edges = execution["edges"]!.AsArray();
        Assert.Contains(edges, e => (string?)e!["from_id"] == "docs" && (string?)e["to_id"] == "call");
        Assert.Contains(edges, e => (string?)e!["from_id"] == "call" && (string?)e["to_id"] == "offer");
        Assert.Equal(HttpStatusCode.BadRequest, automation.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Contains("'name' is required", await MessageOf(nameless), StringComparison.Ordinal);
        Assert.Equal("'task' must be an object.", await MessageOf(notAnObject));
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
    }

    [Fact]
    public async Task Running_an_automation_task_starts_it_and_leaves_it_for_the_worker()
    {
        var id = (string)(await StartAsync(caseWorker, templateId))["id"]!;

        using var run = await caseWorker.PostAsync(new Uri($"/v2/flows/executions/{id}/tasks/notify/automation:run", UriKind.Relative), null);
        using var again = await caseWorker.PostAsync(new Uri($"/v2/flows/executions/{id}/tasks/notify/execute", UriKind.Relative), null);
        using var manual = await caseWorker.PostAsync(new Uri($"/v2/flows/executions/{id}/tasks/docs/automation:run", UriKind.Relative), null);
        using var executeManual = await caseWorker.PostAsync(new Uri($"/v2/flows/executions/{id}/tasks/docs/execute", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        var task = (await run.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("IN_PROGRESS", (string?)task["status"]);
        Assert.False(string.IsNullOrEmpty((string?)task["automation_execution_id"]));
        Assert.Equal("in_progress", (string?)task["automation_config"]!["execution_status"]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, manual.StatusCode);
        Assert.Equal("'Check documents' is not an automation task.", await MessageOf(manual));
        Assert.Equal(HttpStatusCode.BadRequest, executeManual.StatusCode);
    }

    [Fact]
    public async Task Cancelling_a_scheduled_automation_skips_it()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        var template = SolarTemplate().WithAutomation("ping", mode: "automatic");
        // Due tomorrow, so the app's job worker leaves it SCHEDULED while the test cancels it.
        template["tasks"]!.AsArray().Single(t => (string?)t!["id"] == "ping")!["schedule"] =
            new JsonObject { ["mode"] = "delayed", ["duration"] = 1, ["unit"] = "days" };
        var automatic = (string)(await CreateTemplateAsync(builder, template))["id"]!;
        var execution = await StartAsync(caseWorker, automatic);
        var id = (string)execution["id"]!;

        using var cancelled = await caseWorker.DeleteAsync(new Uri($"/v2/flows/executions/{id}/tasks/ping/schedule", UriKind.Relative));
        using var twice = await caseWorker.DeleteAsync(new Uri($"/v2/flows/executions/{id}/tasks/ping/schedule", UriKind.Relative));
        using var manualTask = await caseWorker.DeleteAsync(new Uri($"/v2/flows/executions/{id}/tasks/docs/schedule", UriKind.Relative));

        Assert.Equal("SCHEDULED", StatusOf(execution, "ping"));
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var after = await GetAsync(caseWorker, $"/v2/flows/executions/{id}");
        Assert.Equal("SKIPPED", StatusOf(after, "ping"));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, manualTask.StatusCode);
    }

    [Fact]
    public async Task Patching_a_phase_assigns_it_and_sets_its_due_date()
    {
        var id = (string)(await StartAsync(caseWorker, templateId))["id"]!;

        using var patched = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/phases/p2", new JsonObject
        {
            ["assigned_to"] = new JsonArray { FlowApi.SolarPartner },
            ["due_date_config"] = new JsonObject { ["duration"] = 1, ["unit"] = "weeks", ["type"] = "WORKFLOW_STARTED" },
        });
        using var unknown = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/phases/p9", new JsonObject { ["assigned_to"] = new JsonArray() });
        using var rename = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/phases/p2", new JsonObject { ["name"] = "Later" });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var phase = (await patched.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(FlowApi.SolarPartner, (string?)phase["assigned_to"]![0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d$", (string)phase["due_date"]!);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
    }

    [Fact]
    public async Task Search_lists_the_workflows_of_a_record_and_an_admins_delete_is_soft_unless_asked()
    {
        var soft = (string)(await StartAsync(caseWorker, templateId, "opportunity-003"))["id"]!;
        var hard = (string)(await StartAsync(caseWorker, templateId, "opportunity-003"))["id"]!;

        using var search = await caseWorker.PostAsJsonAsync("/v2/flows/executions:search", new { entity_id = "opportunity-003", entity_schema = "opportunity" });
        var before = (await search.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        using var softDelete = await admin.DeleteAsync(new Uri($"/v2/flows/executions/{soft}", UriKind.Relative));
        using var hardDelete = await admin.DeleteAsync(new Uri($"/v2/flows/executions/{hard}?soft=false", UriKind.Relative));
        using var gone = await caseWorker.GetAsync(new Uri($"/v2/flows/executions/{soft}", UriKind.Relative));
        using var again = await admin.DeleteAsync(new Uri($"/v2/flows/executions/{soft}", UriKind.Relative));
        using var badSoft = await admin.DeleteAsync(new Uri($"/v2/flows/executions/{soft}?soft=maybe", UriKind.Relative));
        using var searchAfter = await caseWorker.PostAsJsonAsync("/v2/flows/executions:search", new { entity_id = "opportunity-003", entity_schema = "opportunity" });

        Assert.Contains(before, x => (string?)x!["id"] == soft);
        Assert.Contains(before, x => (string?)x!["id"] == hard);
        Assert.Equal(HttpStatusCode.NoContent, softDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, hardDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badSoft.StatusCode);
        Assert.Empty((await searchAfter.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Workflows.Core.Data.WorkflowsDbContext>();
        Assert.True(db.FlowExecutions.Single(e => e.Id == soft).Deleted);
        Assert.False(db.FlowExecutions.Any(e => e.Id == hard));
        Assert.False(db.FlowTasks.Any(t => t.ExecutionId == hard));
    }

    [Fact]
    public async Task Unknown_workflows_are_404_everywhere()
    {
        using var get = await caseWorker.GetAsync(new Uri("/v2/flows/executions/nope", UriKind.Relative));
        using var patch = await PatchAsync(caseWorker, "/v2/flows/executions/nope", new JsonObject { ["status"] = "CLOSED" });
        using var task = await PatchAsync(caseWorker, "/v2/flows/executions/nope/tasks/docs", new JsonObject { ["status"] = "COMPLETED" });
        using var delete = await admin.DeleteAsync(new Uri("/v2/flows/executions/nope", UriKind.Relative));
        using var run = await caseWorker.PostAsync(new Uri("/v2/flows/executions/nope/tasks/x/automation:run", UriKind.Relative), null);

        Assert.All([get, patch, task, delete, run], response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.Equal("There is no workflow 'nope'.", await MessageOf(get));
    }

    private static JsonObject Close(params string[] reasons) => new()
    {
        ["status"] = "CLOSED",
        ["closing_reason"] = new JsonObject
        {
            ["selected_reasons"] = new JsonArray([.. reasons.Select(r => (JsonNode)new JsonObject { ["id"] = r, ["title"] = r })]),
            ["extra_description"] = "Called us on Monday.",
        },
    };
}
