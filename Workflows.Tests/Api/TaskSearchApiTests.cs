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

    [Fact]
    public async Task Entity_attributes_narrow_to_tasks_whose_record_meets_them()
    {
        var solar = (string)(await StartAsync(manager, templateId, "opportunity-001"))["id"]!;
        JsonObject Where(string attribute, string op, JsonNode value) => new()
        {
            ["template_id"] = templateId,
            ["entity_schema"] = "opportunity",
            ["status"] = "all",
            ["entity_attributes"] = new JsonArray(new JsonObject { ["attribute"] = attribute, ["operator"] = op, ["value"] = value }),
        };

        var large = await SearchAsync(Where("amount", "greater_than", 10_000));
        var small = await SearchAsync(Where("amount", "less_than_or_equals", "1050.0"));
        var won = await SearchAsync(Where("stage", "equals", "won"));

        Assert.NotEmpty(Executions(large));
        Assert.All(Executions(large), id => Assert.Equal(solar, id));
        Assert.All(Executions(small), id => Assert.Equal(executionId, id));
        Assert.All(Executions(won), id => Assert.Equal(executionId, id));
        Assert.Equal((int)small["total"]!, (int)won["total"]!);
    }

    [Theory]
    [InlineData("""{"entity_schema":"opportunity","entity_attributes":[{"attribute":"colour","operator":"equals","value":"red"}]}""", "Opportunity has no attribute 'colour'")]
    [InlineData("""{"entity_schema":"opportunity","entity_attributes":[{"attribute":"roof_size_m2","operator":"equals","value":40}]}""", "is not filterable")]
    [InlineData("""{"entity_schema":"opportunity","entity_attributes":[{"attribute":"amount","operator":"contains","value":"1"}]}""", "not 'contains'")]
    [InlineData("""{"entity_schema":"opportunity","entity_attributes":[{"attribute":"amount","operator":"greater_than","value":"lots"}]}""", "must be a number")]
    [InlineData("""{"entity_schema":"opportunity","entity_attributes":[{"attribute":"amount","operator":"greater_than"}]}""", "'entity_attributes' is a list of")]
    [InlineData("""{"entity_schema":"opportunity","entity_attributes":{"amount":1}}""", "'entity_attributes' is a list of")]
    [InlineData("""{"entity_attributes":[{"attribute":"amount","operator":"equals","value":1}]}""", "needs the record type (entity_schema)")]
    [InlineData("""{"entity_schema":"spaceship","entity_attributes":[{"attribute":"amount","operator":"equals","value":1}]}""", "no record type 'spaceship'")]
    public async Task Entity_attributes_the_schema_does_not_allow_are_a_400_that_says_why(string body, string reason)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await manager.PostAsync("/v2/flows/tasks:search", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await MessageOf(response), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Executions(JsonObject found) => found["results"]!.AsArray().Select(r => (string)r!["execution_id"]!);

    private Task<JsonObject> SearchAsync(JsonObject query) => SearchTasksAsync(manager, query);

    private static IEnumerable<string> Ids(JsonObject found) => TaskIds(found);
}
