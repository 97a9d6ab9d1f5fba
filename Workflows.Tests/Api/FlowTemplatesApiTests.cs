using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

public sealed class FlowTemplatesApiTests(FlowTemplatesApiTests.App app) : IClassFixture<FlowTemplatesApiTests.App>
{
    public sealed class App : WorkflowsAppFactory;

    [Fact]
    public async Task A_builder_creates_a_template_and_reads_it_back_in_the_spec_shape()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");

        using var response = await builder.PostAsJsonAsync("/v2/flows/templates", SolarTemplate("Solar roof"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)created["id"]!;
        Assert.Equal(1, (int)created["revision"]!);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string)created["created_at"]!);
        var read = await GetAsync(builder, $"/v2/flows/templates/{id}");
        Assert.Equal("Solar roof", (string?)read["name"]);
        Assert.Equal("TASK_FINISHED", (string?)read["tasks"]![1]!["requirements"]![0]!["when"]);
        Assert.Equal("manual", (string?)read["trigger"]!["type"]);
        Assert.True((bool)read["singleClosingReasonSelection"]!);
        Assert.Equal("Customer cancelled", (string?)read["closing_reasons"]![0]!["title"]);
    }

    [Fact]
    public async Task The_list_filters_by_trigger_and_search_finds_by_name()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        using var manager = await ApiClients.ForAsync(app, "manager@workflows.demo");
        var manual = await CreateTemplateAsync(builder, SolarTemplate("Heat pump visit"));
        var automated = SolarTemplate("Meter exchange");
        automated["trigger"] = new JsonObject { ["type"] = "automation", ["automation_id"] = Workflows.Core.Demo.DemoAutomations.SendMeterAppointment };
        var automation = await CreateTemplateAsync(builder, automated);

        var forOpportunities = await GetAsync(manager, "/v2/flows/templates?trigger_type=manual&trigger_schema=opportunity");
        var forContacts = await GetAsync(manager, "/v2/flows/templates?trigger_type=manual&trigger_schema=contact");
        var byAutomation = await GetAsync(manager, $"/v2/flows/templates?trigger_type=automation&trigger_source_id={Workflows.Core.Demo.DemoAutomations.SendMeterAppointment}");
        using var badType = await manager.GetAsync(new Uri("/v2/flows/templates?trigger_type=cron", UriKind.Relative));
        using var search = await manager.PostAsJsonAsync("/v2/flows/templates:search", new { name = "heat PUMP", sort_by = "created_at", sort_order = "asc" });

        Assert.Contains(forOpportunities["results"]!.AsArray(), t => (string?)t!["id"] == (string?)manual["id"]);
        Assert.DoesNotContain(forOpportunities["results"]!.AsArray(), t => (string?)t!["id"] == (string?)automation["id"]);
        Assert.DoesNotContain(forContacts["results"]!.AsArray(), t => (string?)t!["id"] == (string?)manual["id"]);
        Assert.Equal((string?)automation["id"], (string?)Assert.Single(byAutomation["results"]!.AsArray())!["id"]);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        var found = (await search.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, (int)found["hits"]!);
        Assert.Equal("Heat pump visit", (string?)found["results"]![0]!["name"]);
    }

    [Fact]
    public async Task Labels_filter_lists_and_searches_in_any_case_and_running_workflows_and_status_narrow_them()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        using var caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var labelled = SolarTemplate("Labelled ground source");
        labelled["taxonomies"] = new JsonArray("Heat pumps", "Bavaria");
        var both = await CreateTemplateAsync(builder, labelled);
        var other = SolarTemplate("Labelled wallbox");
        other["taxonomies"] = new JsonArray("heat pumps");
        other["enabled"] = false;
        var one = await CreateTemplateAsync(builder, other);
        await StartAsync(caseWorker, (string)both["id"]!);

        static string[] Ids(JsonObject list) => [.. list["results"]!.AsArray().Select(t => (string)t!["id"]!)];
        var heatPumps = await GetAsync(builder, "/v2/flows/templates?taxonomies=HEAT%20PUMPS");
        var bavarianHeatPumps = await GetAsync(builder, "/v2/flows/templates?taxonomies=heat%20pumps,bavaria");
        var running = await GetAsync(builder, "/v2/flows/templates?taxonomies=heat%20pumps&has_running_workflows=true");
        var idle = await GetAsync(builder, "/v2/flows/templates?taxonomies=heat%20pumps&has_running_workflows=false");
        var disabled = await GetAsync(builder, "/v2/flows/templates?taxonomies=heat%20pumps&enabled=false");
        using var search = await builder.PostAsJsonAsync("/v2/flows/templates:search", new JsonObject { ["taxonomies"] = new JsonArray("Bavaria"), ["has_running_workflows"] = true });

        Assert.Equal(new[] { (string)one["id"]!, (string)both["id"]! }.Order(), Ids(heatPumps).Order());
        Assert.Equal([(string)both["id"]!], Ids(bavarianHeatPumps));
        Assert.Equal([(string)both["id"]!], Ids(running));
        Assert.Equal([(string)one["id"]!], Ids(idle));
        Assert.Equal([(string)one["id"]!], Ids(disabled));
        Assert.Equal(new JsonArray("Heat pumps", "Bavaria").ToJsonString(), heatPumps["results"]!.AsArray().Single(t => (string?)t!["id"] == (string?)both["id"])!["taxonomies"]!.ToJsonString());
        Assert.Equal([(string)both["id"]!], Ids((await search.Content.ReadFromJsonAsync<JsonObject>())!));
    }

    [Fact]
    public async Task Labels_that_are_too_long_doubled_or_too_many_are_refused_and_nothing_is_saved()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        foreach (var labels in new[]
        {
            new JsonArray(new string('x', Workflows.Core.Flows.Templates.TemplateLabels.MaxLength + 1)),
            new JsonArray("Solar", "SOLAR"),
            new JsonArray(" "),
            new JsonArray([.. Enumerable.Range(0, Workflows.Core.Flows.Templates.TemplateLabels.MaxCount + 1).Select(i => (JsonNode)$"label {i}")]),
        })
        {
            var template = SolarTemplate("Refused labels");
            template["taxonomies"] = labels;
            using var response = await builder.PostAsJsonAsync("/v2/flows/templates", template);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("label", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        var list = await GetAsync(builder, "/v2/flows/templates?size=1000");
        Assert.DoesNotContain(list["results"]!.AsArray(), t => (string?)t!["name"] == "Refused labels");
    }

    [Fact]
    public async Task Lists_hold_summaries_a_page_at_a_time_and_size_0_gives_only_the_count()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        await CreateTemplateAsync(builder, SolarTemplate("Paged one"));
        await CreateTemplateAsync(builder, SolarTemplate("Paged two"));

        var all = await GetAsync(builder, "/v2/flows/templates");
        var page = await GetAsync(builder, "/v2/flows/templates?from=1&size=1");
        var count = await GetAsync(builder, "/v2/flows/templates?size=0");
        using var tooBig = await builder.GetAsync(new Uri("/v2/flows/templates?size=5000", UriKind.Relative));

        var hits = (int)all["hits"]!;
        Assert.True(hits >= 2);
        var first = all["results"]!.AsArray()[0]!.AsObject();
        Assert.Null(first["tasks"]);
        Assert.Null(first["edges"]);
        Assert.True((int)first["task_count"]! > 0);
        Assert.Equal((string?)all["results"]![1]!["id"], (string?)Assert.Single(page["results"]!.AsArray())!["id"]);
        Assert.Equal(hits, (int)count["hits"]!);
        Assert.Empty(count["results"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        var whole = await GetAsync(builder, $"/v2/flows/templates/{(string)first["id"]!}");
        Assert.NotEmpty(whole["tasks"]!.AsArray());
    }

    [Fact]
    public async Task A_save_based_on_a_stale_revision_is_refused_with_409_and_changes_nothing()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var created = await CreateTemplateAsync(builder);
        var id = (string)created["id"]!;

        var mine = created.DeepClone().AsObject();
        var theirs = created.DeepClone().AsObject();
        theirs["description"] = "Saved first by the admin.";
        using var first = await admin.PutAsJsonAsync($"/v2/flows/templates/{id}", theirs);
        mine["description"] = "Saved second by the builder.";
        using var stale = await builder.PutAsJsonAsync($"/v2/flows/templates/{id}", mine);
        using var staleIfMatch = new HttpRequestMessage(HttpMethod.Put, new Uri($"/v2/flows/templates/{id}", UriKind.Relative)) { Content = JsonContent.Create(SolarTemplate()) };
        staleIfMatch.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using var staleByHeader = await builder.SendAsync(staleIfMatch);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (int)(await first.Content.ReadFromJsonAsync<JsonObject>())!["revision"]!);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("was saved by Sabine Hoffmann", await MessageOf(stale), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, staleByHeader.StatusCode);
        Assert.Equal("Saved first by the admin.", (string?)(await GetAsync(builder, $"/v2/flows/templates/{id}"))["description"]);
    }

    [Fact]
    public async Task An_invalid_template_is_refused_with_the_validators_messages()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        var template = SolarTemplate();
        template["tasks"]![1]!["requirements"]![0]!["task_id"] = "nowhere";
        template["closing_reasons"]!.AsArray().Add(new JsonObject { ["id"] = "cr-legacy-migrated" });

        using var response = await builder.PostAsJsonAsync("/v2/flows/templates", template);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await MessageOf(response);
        Assert.Contains("'Send offer' requires task 'nowhere', which does not exist.", message, StringComparison.Ordinal);
        Assert.Contains("Migrated to legacy system", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_is_a_400_that_names_the_field()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        var template = SolarTemplate();
        template["tasks"]![0]!["task_type"] = "TELEPATHY";

        using var response = await builder.PostAsJsonAsync("/v2/flows/templates", template);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'tasks[0].task_type' must be one of MANUAL, AUTOMATION, DECISION, AI_AGENT.", await MessageOf(response));
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_an_existing_id_cannot_be_created_twice()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        var created = await CreateTemplateAsync(builder);

        using var get = await builder.GetAsync(new Uri("/v2/flows/templates/nope", UriKind.Relative));
        using var put = await builder.PutAsJsonAsync("/v2/flows/templates/nope", SolarTemplate());
        using var delete = await builder.DeleteAsync(new Uri("/v2/flows/templates/nope", UriKind.Relative));
        using var duplicate = await builder.PostAsync(new Uri("/v2/flows/templates/nope/duplicate", UriKind.Relative), null);
        using var again = await builder.PostAsJsonAsync("/v2/flows/templates", created);
        using var mismatch = await builder.PutAsJsonAsync("/v2/flows/templates/other-id", created);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("There is no workflow template 'nope'.", await MessageOf(get));
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
    }

    [Fact]
    public async Task Duplicate_makes_a_copy_and_delete_answers_204_unless_workflows_still_run()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        using var caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var created = await CreateTemplateAsync(builder, SolarTemplate("Wallbox"));
        var id = (string)created["id"]!;

        using var duplicated = await builder.PostAsync(new Uri($"/v2/flows/templates/{id}/duplicate", UriKind.Relative), null);
        var copy = (await duplicated.Content.ReadFromJsonAsync<JsonObject>())!;
        await StartAsync(caseWorker, id);
        using var refused = await builder.DeleteAsync(new Uri($"/v2/flows/templates/{id}", UriKind.Relative));
        using var deleted = await builder.DeleteAsync(new Uri($"/v2/flows/templates/{copy["id"]}", UriKind.Relative));
        using var gone = await builder.GetAsync(new Uri($"/v2/flows/templates/{copy["id"]}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, duplicated.StatusCode);
        Assert.Equal("Wallbox (copy)", (string?)copy["name"]);
        Assert.NotEqual(id, (string?)copy["id"]);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("still run", await MessageOf(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_case_worker_reads_templates_but_may_not_write_them()
    {
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        using var caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var created = await CreateTemplateAsync(builder);

        using var read = await caseWorker.GetAsync(new Uri($"/v2/flows/templates/{created["id"]}", UriKind.Relative));
        using var write = await caseWorker.PutAsJsonAsync($"/v2/flows/templates/{created["id"]}", created);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("Your role does not allow this operation.", await MessageOf(write));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_workflow_endpoints()
    {
        using var client = app.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (var path in new[]
        {
            "/v2/flows/templates/{flowId}", "/v2/flows/executions/{execution_id}/tasks/{task_id}", "/v2/flows/tasks:search",
            "/v2/workflows/closing-reasons/{reasonId}", "/v1/workflows/definitions/{definitionId}/closing-reasons",
        })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
