using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

public sealed class ClosingReasonsApiTests(ClosingReasonsApiTests.App app) : IClassFixture<ClosingReasonsApiTests.App>
{
    public sealed class App : WorkflowsAppFactory;

    [Fact]
    public async Task The_catalogue_lists_active_reasons_and_inactive_ones_on_request()
    {
        using var manager = await ApiClients.ForAsync(app, "manager@workflows.demo");

        var active = (await GetAsync(manager, "/v1/workflows/closing-reasons"))["reasons"]!.AsArray();
        var all = (await GetAsync(manager, "/v1/workflows/closing-reasons?includeInactive=true"))["reasons"]!.AsArray();

        Assert.DoesNotContain(active, r => (string?)r!["id"] == "cr-legacy-migrated");
        var legacy = Assert.Single(all, r => (string?)r!["id"] == "cr-legacy-migrated")!;
        Assert.Equal("INACTIVE", (string?)legacy["status"]);
        Assert.Matches(@"Z$", (string)legacy["lastUpdateTime"]!);
        Assert.NotNull(legacy["creationTime"]);
    }

    [Fact]
    public async Task A_builder_creates_renames_deactivates_and_deletes_a_reason()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");

        using var created = await builder.PostAsJsonAsync("/v1/workflows/closing-reasons", new { title = "Roof too small" });
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var duplicate = await builder.PostAsJsonAsync("/v1/workflows/closing-reasons", new { title = "roof TOO small" });
        using var empty = await builder.PostAsJsonAsync("/v1/workflows/closing-reasons", new { title = "  " });
        using var renamed = await PatchAsync(builder, $"/v2/workflows/closing-reasons/{id}", new JsonObject { ["title"] = "Roof area too small" });
        using var deactivated = await PatchAsync(builder, $"/v1/workflows/closing-reasons/{id}", new JsonObject { ["status"] = "INACTIVE" });
        var read = await GetAsync(builder, $"/v1/workflows/closing-reasons/{id}");
        using var badStatus = await PatchAsync(builder, $"/v1/workflows/closing-reasons/{id}", new JsonObject { ["status"] = "ARCHIVED" });
        using var deleted = await builder.DeleteAsync(new Uri($"/v2/workflows/closing-reasons/{id}", UriKind.Relative));
        using var gone = await builder.GetAsync(new Uri($"/v2/workflows/closing-reasons/{id}", UriKind.Relative));
        using var deleteAgain = await builder.DeleteAsync(new Uri($"/v2/workflows/closing-reasons/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Enter a title for the closing reason.", await MessageOf(empty));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, deactivated.StatusCode);
        Assert.Equal("Roof area too small", (string?)read["title"]);
        Assert.Equal("INACTIVE", (string?)read["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal("'status' must be one of ACTIVE, INACTIVE.", await MessageOf(badStatus));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteAgain.StatusCode);
    }

    [Fact]
    public async Task A_template_picks_its_reasons_and_a_reason_in_use_cannot_be_deleted()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        using var caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var template = await CreateTemplateAsync(builder, SolarTemplate("Battery storage"));
        var id = (string)template["id"]!;

        using var set = await PatchAsync(builder, $"/v1/workflows/definitions/{id}/closing-reasons", new JsonObject
        {
            ["reasons"] = new JsonArray { new JsonObject { ["id"] = "cr-no-response" }, new JsonObject { ["id"] = "cr-not-feasible" } },
        });
        var picked = (await GetAsync(caseWorker, $"/v1/workflows/definitions/{id}/closing-reasons"))["reasons"]!.AsArray();
        using var unknownReason = await PatchAsync(builder, $"/v1/workflows/definitions/{id}/closing-reasons", new JsonObject
        {
            ["reasons"] = new JsonArray { new JsonObject { ["id"] = "cr-unheard-of" } },
        });
        using var unknownTemplate = await caseWorker.GetAsync(new Uri("/v1/workflows/definitions/nope/closing-reasons", UriKind.Relative));
        using var inUse = await builder.DeleteAsync(new Uri("/v2/workflows/closing-reasons/cr-no-response", UriKind.Relative));
        var execution = await StartAsync(caseWorker, id);
        var snapshot = (await GetAsync(caseWorker, $"/v1/workflows/executions/{execution["id"]}/closing-reasons"))["reasons"]!.AsArray();
        using var unknownExecution = await caseWorker.GetAsync(new Uri("/v1/workflows/executions/nope/closing-reasons", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        Assert.Equal(["cr-no-response", "cr-not-feasible"], picked.Select(r => (string)r!["id"]!));
        Assert.Equal(HttpStatusCode.BadRequest, unknownReason.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownTemplate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains("'Battery storage'", await MessageOf(inUse), StringComparison.Ordinal);
        Assert.Equal(["No response from customer", "Technically not feasible"], snapshot.Select(r => (string)r!["title"]!));
        Assert.Equal(HttpStatusCode.NotFound, unknownExecution.StatusCode);
    }

    [Fact]
    public async Task A_case_worker_reads_the_catalogue_but_may_not_change_it()
    {
        using var caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");

        using var read = await caseWorker.GetAsync(new Uri("/v2/workflows/closing-reasons/cr-duplicate", UriKind.Relative));
        using var write = await PatchAsync(caseWorker, "/v2/workflows/closing-reasons/cr-duplicate", new JsonObject { ["title"] = "Dup" });
        using var delete = await caseWorker.DeleteAsync(new Uri("/v2/workflows/closing-reasons/cr-duplicate", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }
}
