using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

public sealed class TaskBoardApiTests(TaskBoardApiTests.App app) : IClassFixture<TaskBoardApiTests.App>, IAsyncLifetime
{
    private HttpClient manager = default!;
    private HttpClient partner = default!;
    private string executionId = "";

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        manager = await ApiClients.ForAsync(app, "manager@workflows.demo");
        partner = await ApiClients.ForAsync(app, "partner@solartech.demo");
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        var templateId = (string)(await CreateTemplateAsync(builder, SolarTemplate("Board roof")))["id"]!;
        executionId = (string)(await StartAsync(manager, templateId, "opportunity-004"))["id"]!;
    }

    public Task DisposeAsync()
    {
        manager.Dispose();
        partner.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_status_board_answers_every_status_column_with_its_total_and_cards_and_a_move_shows_in_done()
    {
        var before = await BoardAsync(manager, new JsonObject { ["execution_id"] = executionId });
        await PatchTaskAsync(manager, executionId, "docs", new JsonObject { ["status"] = "COMPLETED" });
        var after = await BoardAsync(manager, new JsonObject { ["execution_id"] = executionId });
        using var all = await manager.PostAsJsonAsync("/v2/flows/tasks:search", new JsonObject { ["execution_id"] = executionId, ["status"] = "all" });
        var everything = (int)(await all.Content.ReadFromJsonAsync<JsonObject>())!["total"]!;

        Assert.Equal("status", (string?)before["group_by"]);
        Assert.Equal(
            ["IN_PROGRESS", "SCHEDULED", "PENDING", "CONDITION_PENDING", "ON_HOLD", "FAILED", "COMPLETED", "SKIPPED"],
            Columns(before).Select(c => (string)c["key"]!));
        Assert.Equal(everything, Columns(before).Sum(c => (int)c["total"]!));
        Assert.Contains("docs", Cards(before, "PENDING"));
        Assert.All(Column(before, "PENDING")["cards"]!.AsArray(), card => Assert.Equal("PENDING", (string?)card!["status"]));
        Assert.Equal(["docs"], Cards(after, "COMPLETED"));
        Assert.DoesNotContain("docs", Cards(after, "PENDING"));
    }

    [Fact]
    public async Task A_column_is_paged_on_its_own_and_show_more_answers_that_column_only()
    {
        var first = await BoardAsync(manager, new JsonObject { ["execution_id"] = executionId, ["column_size"] = 2 });
        var second = await BoardAsync(manager, new JsonObject { ["execution_id"] = executionId, ["column_size"] = 2, ["column"] = "PENDING", ["column_page"] = 2 });

        var pending = Column(first, "PENDING");
        Assert.Equal(2, pending["cards"]!.AsArray().Count);
        Assert.True((bool)pending["has_more"]!);
        var more = Assert.Single(Columns(second));
        Assert.Equal(2, (int)more["page"]!);
        Assert.Empty(Cards(first, "PENDING").Intersect(Cards(second, "PENDING")));
    }

    [Fact]
    public async Task A_phase_board_has_a_column_per_phase()
    {
        var board = await BoardAsync(manager, new JsonObject { ["execution_id"] = executionId, ["group_by"] = "phase", ["status"] = "all" });

        Assert.Equal("phase", (string?)board["group_by"]);
        Assert.Contains("docs", Cards(board, Columns(board).Select(c => (string)c["key"]!).Single(k => Cards(board, k).Contains("docs"))));
        Assert.True(Columns(board).Count() >= 2);
    }

    [Fact]
    public async Task The_record_attribute_filters_of_tasks_search_narrow_the_board_too()
    {
        JsonObject Where(string op, double amount) => new()
        {
            ["execution_id"] = executionId,
            ["entity_schema"] = "opportunity",
            ["entity_attributes"] = new JsonArray(new JsonObject { ["attribute"] = "amount", ["operator"] = op, ["value"] = amount }),
        };

        var unfiltered = await BoardAsync(manager, new JsonObject { ["execution_id"] = executionId });
        var below = await BoardAsync(manager, Where("less_than", 1e12));
        var above = await BoardAsync(manager, Where("greater_than", 1e12));
        using var notFilterable = await manager.PostAsJsonAsync("/v2/flows/tasks:board", new JsonObject
        {
            ["entity_schema"] = "opportunity",
            ["entity_attributes"] = new JsonArray(new JsonObject { ["attribute"] = "roof_size_m2", ["operator"] = "equals", ["value"] = 40 }),
        });

        Assert.NotEqual(0, Columns(unfiltered).Sum(c => (int)c["total"]!));
        Assert.Equal(Columns(unfiltered).Sum(c => (int)c["total"]!), Columns(below).Sum(c => (int)c["total"]!));
        Assert.Equal(0, Columns(above).Sum(c => (int)c["total"]!));
        Assert.Equal(HttpStatusCode.BadRequest, notFilterable.StatusCode);
        Assert.Contains("is not filterable", await MessageOf(notFilterable), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_mistake_of_board_and_filters_is_named_in_one_400()
    {
        using var response = await manager.PostAsJsonAsync("/v2/flows/tasks:board",
            new JsonObject { ["group_by"] = "swimlane", ["page"] = 2, ["status"] = "lost", ["column_size"] = 500 });
        using var unknownColumn = await manager.PostAsJsonAsync("/v2/flows/tasks:board", new JsonObject { ["column"] = "DONE" });
        using var pageWithoutColumn = await manager.PostAsJsonAsync("/v2/flows/tasks:board", new JsonObject { ["column_page"] = 2 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await MessageOf(response);
        Assert.Contains("'group_by' is status or phase", message, StringComparison.Ordinal);
        Assert.Contains("'page' is not a field of a board", message, StringComparison.Ordinal);
        Assert.Contains("'column_size' is 1 to 100", message, StringComparison.Ordinal);
        Assert.Contains("open, finished, all", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownColumn.StatusCode);
        Assert.Contains("COMPLETED", await MessageOf(unknownColumn), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pageWithoutColumn.StatusCode);
    }

    [Fact]
    public async Task A_partner_sees_only_their_tasks_on_the_board_and_naming_others_is_forbidden()
    {
        var board = await BoardAsync(partner, new JsonObject { ["execution_id"] = executionId });
        using var others = await partner.PostAsJsonAsync("/v2/flows/tasks:board", new JsonObject { ["assignee"] = "office-team" });

        var cards = Columns(board).SelectMany(c => c["cards"]!.AsArray()).ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, card => Assert.Contains(SolarPartner, card!["assigned_to"]!.AsArray().Select(a => (string)a!)));
        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
    }

    private static async Task<JsonObject> BoardAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/v2/flows/tasks:board", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static IEnumerable<JsonObject> Columns(JsonObject board) => board["columns"]!.AsArray().Select(c => c!.AsObject());

    private static JsonObject Column(JsonObject board, string key) => Columns(board).Single(c => (string?)c["key"] == key);

    private static List<string> Cards(JsonObject board, string key) =>
        [.. Column(board, key)["cards"]!.AsArray().Select(c => (string)c!["task_id"]!)];
}
