using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>A task's <c>priority</c> and <c>follow_up_date</c> through the task PATCH and <c>tasks:search</c>.</summary>
public sealed class TaskPriorityApiTests(TaskPriorityApiTests.App app) : IClassFixture<TaskPriorityApiTests.App>, IAsyncLifetime
{
    private HttpClient manager = default!;
    private string executionId = "";
    private string templateId = "";

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        manager = await ApiClients.ForAsync(app, "manager@workflows.demo");
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        var template = SolarTemplate("Priority roof");
        template["tasks"]![4]!["priority"] = 10;
        templateId = (string)(await CreateTemplateAsync(builder, template))["id"]!;
        executionId = (string)(await StartAsync(manager, templateId, "opportunity-004"))["id"]!;
    }

    public Task DisposeAsync()
    {
        manager.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_patched_priority_is_on_the_task_and_tasks_search_sorts_and_filters_by_it()
    {
        var patched = await PatchTaskAsync(manager, executionId, "install", new JsonObject { ["priority"] = 95 });
        var highest = await SearchAsync(new JsonObject { ["execution_id"] = executionId, ["sort"] = "-priority" });
        var lowest = await SearchAsync(new JsonObject { ["execution_id"] = executionId, ["sort"] = "priority" });
        var low = await SearchAsync(new JsonObject { ["execution_id"] = executionId, ["priority_to"] = 24 });
        var high = await SearchAsync(new JsonObject { ["execution_id"] = executionId, ["priority_from"] = 75, ["priority_to"] = 100 });

        Assert.Equal(95, (int)patched["priority"]!);
        var first = highest["results"]![0]!;
        Assert.Equal("install", (string)first["task_id"]!);
        Assert.Equal(95, (int)first["priority"]!);
        Assert.Equal("reject", Ids(lowest).First());
        Assert.Equal(["reject"], Ids(low));
        Assert.Equal(["install"], Ids(high));

        var reset = await PatchTaskAsync(manager, executionId, "install", new JsonObject { ["priority"] = null });
        Assert.Null(reset["priority"]);
    }

    [Fact]
    public async Task A_follow_up_date_hides_the_task_from_its_assignees_open_list_until_asked_for()
    {
        var patched = await PatchTaskAsync(manager, executionId, "offer", new JsonObject { ["follow_up_date"] = "2099-01-15" });
        var mine = await SearchAsync(new JsonObject { ["assignee"] = "office-team", ["execution_id"] = executionId });
        var shown = await SearchAsync(new JsonObject { ["assignee"] = "office-team", ["execution_id"] = executionId, ["follow_ups"] = true });

        Assert.Equal("2099-01-15", (string?)patched["follow_up_date"]);
        Assert.Empty(Ids(mine));
        var offer = Assert.Single(shown["results"]!.AsArray())!;
        Assert.Equal("2099-01-15", (string?)offer["follow_up_on"]);

        await PatchTaskAsync(manager, executionId, "offer", new JsonObject { ["follow_up_date"] = null });
        Assert.Equal(["offer"], Ids(await SearchAsync(new JsonObject { ["assignee"] = "office-team", ["execution_id"] = executionId })));
    }

    [Theory]
    [InlineData("{\"priority\": 101}", "0 to 100")]
    [InlineData("{\"priority\": -1}", "0 to 100")]
    [InlineData("{\"priority\": \"high\"}", "'priority'")]
    [InlineData("{\"follow_up_date\": \"12.12.2026\"}", "'follow_up_date'")]
    [InlineData("{\"follow_up_date\": 20261212}", "'follow_up_date'")]
    public async Task A_bad_priority_or_follow_up_date_is_a_400_and_changes_nothing(string body, string named)
    {
        var before = await GetAsync(manager, $"/v2/flows/executions/{executionId}");

        using var response = await PatchAsync(manager, $"/v2/flows/executions/{executionId}/tasks/docs", JsonNode.Parse(body)!);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await MessageOf(response), StringComparison.Ordinal);
        var after = await GetAsync(manager, $"/v2/flows/executions/{executionId}");
        Assert.Equal((int)before["version"]!, (int)after["version"]!);
    }

    [Fact]
    public async Task A_partner_may_not_set_priority_or_follow_up()
    {
        using var partner = await ApiClients.ForAsync(app, "partner@solartech.demo");

        using var response = await PatchAsync(partner, $"/v2/flows/executions/{executionId}/tasks/docs", new JsonObject { ["priority"] = 60 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_search_with_a_priority_outside_0_to_100_or_an_unknown_sort_is_a_400()
    {
        using var range = await manager.PostAsJsonAsync("/v2/flows/tasks:search", new { priority_from = 101 });
        using var sort = await manager.PostAsJsonAsync("/v2/flows/tasks:search", new { sort = "urgency" });

        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
        Assert.Contains("'priority_from'", await MessageOf(range), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sort.StatusCode);
        Assert.Contains("-priority", await MessageOf(sort), StringComparison.Ordinal);
    }

    private Task<JsonObject> SearchAsync(JsonObject query) => SearchTasksAsync(manager, query);

    private static IEnumerable<string> Ids(JsonObject found) => TaskIds(found);

    [Fact]
    public async Task The_dashboards_csv_export_lists_each_tasks_priority_and_follow_up_date()
    {
        await PatchTaskAsync(manager, executionId, "docs", new JsonObject { ["priority"] = 60, ["follow_up_date"] = "2099-02-01" });

        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.True(await FormSignIn.SignInAsync(browser, "manager@workflows.demo", Workflows.Core.Demo.DemoSeeder.DemoPassword));
        var csv = await browser.GetStringAsync(new Uri($"/dashboard/export.csv?assignee=all&template={templateId}&status=all&followups=1", UriKind.Relative));

        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Task;Workflow;Record;Record type;Phase;Status;Due;Overdue;Assignees;Last change;Priority;Follow-up", lines[0]);
        var docs = Assert.Single(lines, l => l.StartsWith("Check documents;", StringComparison.Ordinal));
        Assert.EndsWith(";High (60);2099-02-01", docs, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.EndsWith(";Low (10);", StringComparison.Ordinal));

        // A German reader gets German column names and words; dates stay ISO for every spreadsheet.
        using var german = new HttpRequestMessage(HttpMethod.Get, new Uri($"/dashboard/export.csv?assignee=all&template={templateId}&status=all&followups=1", UriKind.Relative));
        german.Headers.AcceptLanguage.ParseAdd("de-DE");
        using var answer = await browser.SendAsync(german);
        var germanLines = (await answer.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Aufgabe;Workflow;Datensatz;Datensatztyp;Phase;Status;Fällig;Überfällig;Zuständige;Letzte Änderung;Priorität;Wiedervorlage", germanLines[0]);
        Assert.EndsWith(";Hoch (60);2099-02-01", Assert.Single(germanLines, l => l.StartsWith("Check documents;", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
