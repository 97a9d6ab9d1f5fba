using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

public sealed class TaskSearchApiTests(TaskSearchApiTests.App app) : IClassFixture<TaskSearchApiTests.App>, IAsyncLifetime
{
    private HttpClient manager = default!;
    private string templateId = "";
    private string executionId = "";

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        manager = await ApiClients.ForAsync(app, "manager@workflows.demo");
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        templateId = (string)(await CreateTemplateAsync(builder, SolarTemplate("Carport roof")))["id"]!;
        executionId = (string)(await StartAsync(manager, templateId, "opportunity-004"))["id"]!;
        await PatchTaskAsync(manager, executionId, "docs", new JsonObject { ["due_date"] = "2020-01-15" });
        await PatchTaskAsync(manager, executionId, "offer", new JsonObject { ["due_date"] = "2099-01-15" });
    }

    public Task DisposeAsync()
    {
        manager.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Open_tasks_of_an_assignee_come_soonest_due_first_with_their_workflow_and_record()
    {
        var found = await SearchAsync(new JsonObject { ["assignee"] = SolarPartner, ["template_id"] = templateId });

        var results = found["results"]!.AsArray();
        Assert.Equal(2, (int)found["total"]!);
        Assert.False((bool)found["total_is_lower_bound"]!);
        Assert.Equal(["docs", "install"], results.Select(r => (string)r!["task_id"]!));
        var docs = results[0]!;
        Assert.True((bool)docs["overdue"]!);
        Assert.Equal("Carport roof", (string?)docs["workflow_name"]);
        Assert.Equal("opportunity-004", (string?)docs["entity_id"]);
        Assert.Equal("2020-01-15", (string?)docs["due_text"]);
        Assert.Equal([SolarPartner], docs["assigned_to"]!.AsArray().Select(a => (string)a!));
        Assert.Matches(@"Z$", (string)docs["due_at"]!);
    }

    [Fact]
    public async Task Filters_narrow_by_overdue_due_range_text_status_and_schema()
    {
        var overdue = await SearchAsync(new JsonObject { ["overdue"] = true, ["execution_id"] = executionId });
        var later = await SearchAsync(new JsonObject { ["due_from"] = "2098-01-01T00:00:00Z", ["due_to"] = "2100-01-01T00:00:00Z", ["execution_id"] = executionId });
        var text = await SearchAsync(new JsonObject { ["text"] = "SEND OFFER", ["execution_id"] = executionId });
        var unassigned = await SearchAsync(new JsonObject { ["assignee"] = "unassigned", ["execution_id"] = executionId });
        var contacts = await SearchAsync(new JsonObject { ["entity_schema"] = "contact", ["execution_id"] = executionId });
        var inProgress = await SearchAsync(new JsonObject { ["status"] = "IN_PROGRESS", ["execution_id"] = executionId });
        var paged = await SearchAsync(new JsonObject { ["execution_id"] = executionId, ["sort"] = "name", ["page"] = 2, ["size"] = 2 });

        Assert.Equal(["docs"], Ids(overdue));
        Assert.Equal(["offer"], Ids(later));
        Assert.Equal(["offer"], Ids(text));
        Assert.Equal(["approve", "reject"], Ids(unassigned).Order());
        Assert.Empty(Ids(contacts));
        Assert.Empty(Ids(inProgress));
        Assert.Equal(5, (int)paged["total"]!);
        Assert.Equal(["offer", "install"], Ids(paged).Reverse());
    }

    [Fact]
    public async Task Unknown_filter_values_are_a_400_that_says_what_is_accepted()
    {
        using var status = await manager.PostAsJsonAsync("/v2/flows/tasks:search", new { status = "lost" });
        using var page = await manager.PostAsJsonAsync("/v2/flows/tasks:search", new { page = 0 });
        using var date = await manager.PostAsJsonAsync("/v2/flows/tasks:search", new { due_from = "yesterday" });

        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("open, finished, all", await MessageOf(status), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, date.StatusCode);
        Assert.Contains("'due_from'", await MessageOf(date), StringComparison.Ordinal);
    }

    private Task<JsonObject> SearchAsync(JsonObject query) => SearchTasksAsync(manager, query);

    private static IEnumerable<string> Ids(JsonObject found) => TaskIds(found);
}
