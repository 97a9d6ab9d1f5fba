using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>Records a page at a time, and related records in place (<c>hydrate</c>), as epilot's entity API gives them.</summary>
public sealed class EntityListApiTests(EntityListApiTests.App app) : IClassFixture<EntityListApiTests.App>
{
    public sealed class App : WorkflowsAppFactory;

    [Fact]
    public async Task Hydrate_replaces_a_relation_with_the_records_it_points_at_and_without_it_the_ids_stay()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var hilde = await CreateAsync(client, "contact", new JsonObject { ["first_name"] = "Hilde", ["last_name"] = "Hydrat", ["city"] = "Kiel" });
        var otto = await CreateAsync(client, "contact", new JsonObject { ["first_name"] = "Otto", ["last_name"] = "Hydrat" });
        var deal = await CreateAsync(client, "opportunity", new JsonObject
        {
            ["title"] = "Hydrated heat pump",
            ["contact"] = new JsonObject { ["$relation"] = new JsonArray { new JsonObject { ["entity_id"] = hilde }, new JsonObject { ["entity_id"] = otto } } },
        });

        var plain = (await client.GetFromJsonAsync<JsonObject>($"/v1/entity/opportunity/{deal}"))!;
        var hydrated = (await client.GetFromJsonAsync<JsonObject>($"/v1/entity/opportunity/{deal}?hydrate=true"))!;

        Assert.Equal(new JsonArray(hilde, otto).ToJsonString(), plain["contact"]!.ToJsonString());
        var contacts = hydrated["contact"]!.AsArray();
        Assert.Equal(["Hilde Hydrat", "Otto Hydrat"], contacts.Select(c => (string?)c!["_title"]));
        Assert.Equal(hilde, (string?)contacts[0]!["$relation"]!["entity_id"]);
        Assert.Equal("Kiel", (string?)contacts[0]!["city"]);
        Assert.Equal("Hydrated heat pump", (string?)hydrated["title"]);

        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        (await admin.DeleteAsync(new Uri($"/v1/entity/contact/{otto}", UriKind.Relative))).Dispose();
        var search = (await (await client.PostAsJsonAsync("/v1/entity:search",
            new { q = "_schema:opportunity AND \"hydrated heat pump\"", hydrate = true })).Content.ReadFromJsonAsync<JsonObject>())!;
        var found = Assert.Single(search["results"]!.AsArray())!;
        Assert.Equal(["Hilde Hydrat"], found["contact"]!.AsArray().Select(c => (string?)c!["_title"]));
    }

    [Fact]
    public async Task Hydrate_that_is_not_true_or_false_is_refused_with_400()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");

        using var response = await client.GetAsync(new Uri("/v1/entity/opportunity/opportunity-001?hydrate=maybe", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hydrate", await MessageOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("_title")]
    [InlineData("_title:desc")]
    [InlineData("_created_at")]
    [InlineData(null)]
    public async Task Pages_of_a_search_hold_every_record_exactly_once(string? sort)
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var schema = await MeterSchemaWithRecordsAsync(23);
        var seen = new List<string>();

        for (var from = 0; from < 30; from += 5)
        {
            using var response = await client.PostAsJsonAsync("/v1/entity:search", new { q = $"_schema:{schema}", from, size = 5, sort });
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(23, (int)page["hits"]!);
            seen.AddRange(page["results"]!.AsArray().Select(r => (string)r!["_id"]!));
        }

        Assert.Equal(23, seen.Count);
        Assert.Equal(23, seen.Distinct().Count());
    }

    [Fact]
    public async Task Size_0_answers_only_the_count_and_without_size_a_page_holds_10()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var schema = await MeterSchemaWithRecordsAsync(12);

        var count = (await (await client.PostAsJsonAsync("/v1/entity:search", new { q = $"_schema:{schema}", size = 0 })).Content.ReadFromJsonAsync<JsonObject>())!;
        var first = (await (await client.PostAsJsonAsync("/v1/entity:search", new { q = $"_schema:{schema}" })).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal(12, (int)count["hits"]!);
        Assert.Empty(count["results"]!.AsArray());
        Assert.Equal(10, first["results"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("{\"q\":\"_schema:contact\",\"from\":-1}", "'from' is 0 or more")]
    [InlineData("{\"q\":\"_schema:contact\",\"size\":1001}", "'size' is 0 (only the count) to 1000")]
    [InlineData("{\"q\":\"_schema:contact\",\"size\":-5}", "'size' is 0 (only the count) to 1000")]
    [InlineData("{\"q\":\"_schema:contact\",\"sort\":\"city\"}", "'sort' is one of _updated_at:desc")]
    public async Task Paging_values_out_of_range_are_refused_with_400_naming_the_limits(string body, string message)
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");

        using var response = await client.PostAsync(new Uri("/v1/entity:search", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await MessageOf(response), StringComparison.Ordinal);
    }

    private async Task<string> MeterSchemaWithRecordsAsync(int count)
    {
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var schema = "meter" + Guid.NewGuid().ToString("N")[..8];
        using var defined = await admin.PutAsJsonAsync($"/v1/entity/schemas/{schema}", new
        {
            name = "Meter",
            title_template = "{{meter_number}}",
            attributes = new object[] { new { name = "meter_number", label = "Meter number", type = "string", required = true } },
        });
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        for (var i = 0; i < count; i++)
        {
            // Some titles repeat, so the order between equal titles is the one that must not waver.
            await CreateAsync(admin, schema, new JsonObject { ["meter_number"] = $"M-{i % 4}" });
        }

        return schema;
    }

    private static async Task<string> CreateAsync(HttpClient client, string schema, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync($"/v1/entity/{schema}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["_id"]!;
    }

    private static async Task<string> MessageOf(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"] ?? "";
}
