using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

public sealed class EntitiesApiTests(EntitiesApiTests.App app) : IClassFixture<EntitiesApiTests.App>
{
    public sealed class App : WorkflowsAppFactory;

    [Fact]
    public async Task A_case_worker_creates_reads_and_patches_a_contact_and_an_admin_deletes_it()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");

        using var created = await client.PostAsJsonAsync("/v1/entity/contact", new { first_name = "Grete", last_name = "Übel", city = "Passau" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contact = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = (string)contact["_id"]!;
        Assert.Equal("Grete Übel", (string?)contact["_title"]);
        Assert.Equal("contact", (string?)contact["_schema"]);

        using var patched = await client.PatchAsJsonAsync($"/v1/entity/contact/{id}", new { city = "Regensburg" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var read = await client.GetFromJsonAsync<JsonObject>($"/v1/entity/contact/{id}");
        Assert.Equal("Regensburg", (string?)read!["city"]);
        Assert.Equal("Grete", (string?)read["first_name"]);

        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        using var deleted = await admin.DeleteAsync(new Uri($"/v1/entity/contact/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var gone = await client.GetAsync(new Uri($"/v1/entity/contact/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("no contact", await MessageOf(gone), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_title_is_kept_until_another_is_given_and_without_one_the_schema_template_makes_it()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");

        using var given = await client.PostAsJsonAsync("/v1/entity/contact", new { _title = "Grete Übel (Passau office)", first_name = "Grete", last_name = "Übel" });
        var id = (string)(await given.Content.ReadFromJsonAsync<JsonObject>())!["_id"]!;
        await PatchAsync(client, id, new { city = "Regensburg", last_name = "Ubel" });

        Assert.Equal("Grete Übel (Passau office)", (string?)(await client.GetFromJsonAsync<JsonObject>($"/v1/entity/contact/{id}"))!["_title"]);
        await PatchAsync(client, id, new { _title = "Grete Ubel" });

        Assert.Equal("Grete Ubel", (string?)(await client.GetFromJsonAsync<JsonObject>($"/v1/entity/contact/{id}"))!["_title"]);

        using var made = await client.PostAsJsonAsync("/v1/entity/contact", new { first_name = "Hans", last_name = "Mayr" });
        var madeId = (string)(await made.Content.ReadFromJsonAsync<JsonObject>())!["_id"]!;
        await PatchAsync(client, madeId, new { last_name = "Maier" });

        Assert.Equal("Hans Maier", (string?)(await client.GetFromJsonAsync<JsonObject>($"/v1/entity/contact/{madeId}"))!["_title"]);
        using var notText = await client.PostAsJsonAsync("/v1/entity/contact", new { _title = 12000, first_name = "A", last_name = "B" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notText.StatusCode);
        Assert.StartsWith("'_title' is the record's title", await MessageOf(notText), StringComparison.Ordinal);
    }

    private static async Task PatchAsync(HttpClient client, string contactId, object body)
    {
        using var response = await client.PatchAsJsonAsync($"/v1/entity/contact/{contactId}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_record_that_breaks_its_schema_is_refused_with_every_problem_named()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");

        using var response = await client.PostAsJsonAsync("/v1/entity/opportunity", new { amount = "a lot", stage = "dreaming", colour = "red" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = await MessageOf(response);
        Assert.Contains("Amount (EUR) must be a number.", message, StringComparison.Ordinal);
        Assert.Contains("Stage must be one of", message, StringComparison.Ordinal);
        Assert.Contains("'colour' is not an attribute of Opportunity.", message, StringComparison.Ordinal);
        Assert.Contains("Title is required.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patch_based_on_an_older_version_is_refused_with_409()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var before = (await client.GetFromJsonAsync<JsonObject>("/v1/entity/order/order-001"))!;
        await Task.Delay(5);
        using var first = await client.PatchAsJsonAsync("/v1/entity/order/order-001", new { paid = true });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var stale = await client.PatchAsJsonAsync("/v1/entity/order/order-001",
            new JsonObject { ["paid"] = false, ["_updated_at"] = before["_updated_at"]!.DeepClone() });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("was changed by", await MessageOf(stale), StringComparison.Ordinal);
        var after = (await client.GetFromJsonAsync<JsonObject>("/v1/entity/order/order-001"))!;
        Assert.True((bool)after["paid"]!);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_with_a_message_and_changes_nothing()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var before = (await client.PostAsJsonAsync("/v1/entity:search", new { q = "_schema:contact", size = 1 })).Content;
        var countBefore = (int)(await before.ReadFromJsonAsync<JsonObject>())!["hits"]!;

        using var content = new StringContent("{\"first_name\": \"Broken", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/v1/entity/contact", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await MessageOf(response), StringComparison.Ordinal);
        var after = await client.PostAsJsonAsync("/v1/entity:search", new { q = "_schema:contact", size = 1 });
        Assert.Equal(countBefore, (int)(await after.Content.ReadFromJsonAsync<JsonObject>())!["hits"]!);
    }

    [Fact]
    public async Task Search_joins_field_terms_with_and()
    {
        using var client = await ApiClients.ForAsync(app, "manager@workflows.demo");

        using var response = await client.PostAsJsonAsync("/v1/entity:search", new { q = "_schema:contact AND country:AT", from = 0, size = 50 });

        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, (int)results["hits"]!);
        Assert.All(results["results"]!.AsArray(), item => Assert.Equal("AT", (string?)item!["country"]));
    }

    [Fact]
    public async Task Only_an_admin_may_define_schemas()
    {
        using var caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var schema = new
        {
            name = "Meter",
            plural = "Meters",
            title_template = "{{meter_number}}",
            attributes = new object[]
            {
                new { name = "meter_number", label = "Meter number", type = "string", required = true },
                new { name = "reading", label = "Reading", type = "number" },
            },
        };

        using var refused = await caseWorker.PutAsJsonAsync("/v1/entity/schemas/meter", schema);
        using var accepted = await admin.PutAsJsonAsync("/v1/entity/schemas/meter", schema);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var record = await caseWorker.PostAsJsonAsync("/v1/entity/meter", new { meter_number = "1ESY1160", reading = 4711.5 });
        Assert.Equal(HttpStatusCode.Created, record.StatusCode);
    }

    [Fact]
    public async Task A_partner_token_cannot_read_records()
    {
        using var client = await ApiClients.ForAsync(app, "partner@solartech.demo");

        using var response = await client.GetAsync(new Uri("/v1/entity/contact/contact-001", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("role", await MessageOf(response), StringComparison.Ordinal);
    }

    private static async Task<string> MessageOf(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"] ?? "";
}
