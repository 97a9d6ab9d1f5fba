using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>Unique attributes, and epilot's upsert by one (<c>PATCH /v1/entity/{slug}:upsert</c>).</summary>
public sealed class EntityUpsertApiTests(EntityUpsertApiTests.App app) : IClassFixture<EntityUpsertApiTests.App>
{
    public sealed class App : WorkflowsAppFactory;

    [Fact]
    public async Task An_upsert_creates_the_record_once_and_then_updates_it_found_by_its_unique_value()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var schema = await CustomerSchemaAsync();

        using var created = await UpsertAsync(client, schema, "customer_number", new JsonObject { ["customer_number"] = "C-100", ["name"] = "Erika" });
        using var updated = await UpsertAsync(client, schema, "customer_number", new JsonObject { ["customer_number"] = " c-100 ", ["name"] = "Erika Muster" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var first = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var second = (await updated.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((string?)first["_id"], (string?)second["_id"]);
        Assert.Equal("Erika Muster", (string?)second["name"]);
        Assert.Equal(1, await CountAsync(client, schema));
    }

    [Fact]
    public async Task Parallel_upserts_of_one_value_make_one_record()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var schema = await CustomerSchemaAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            using var response = await UpsertAsync(client, schema, "customer_number", new JsonObject { ["customer_number"] = "C-200", ["name"] = $"Writer {i}" });
            return (response.StatusCode, Id: (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["_id"]);
        }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{a.StatusCode}"));
        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Equal(1, await CountAsync(client, schema));
    }

    [Fact]
    public async Task Parallel_creates_of_one_unique_value_make_one_record_and_the_others_are_told_who_has_it()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var schema = await CustomerSchemaAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = await client.PostAsJsonAsync($"/v1/entity/{schema}", new { customer_number = "C-250", name = $"Racer {i}" });
            return response.StatusCode;
        }));

        Assert.Single(statuses, s => s == HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        Assert.Equal(1, await CountAsync(client, schema));
    }

    [Fact]
    public async Task A_create_or_patch_that_would_duplicate_a_unique_value_is_refused_with_409_and_changes_nothing()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var schema = await CustomerSchemaAsync();
        var ada = await CreateAsync(client, schema, new { customer_number = "C-300", email = "ada@example.com", name = "Ada" });
        var bob = await CreateAsync(client, schema, new { customer_number = "C-301", email = "bob@example.com", name = "Bob" });

        using var duplicate = await client.PostAsJsonAsync($"/v1/entity/{schema}", new { customer_number = "C-302", email = "ADA@example.com" });
        using var patched = await client.PatchAsJsonAsync($"/v1/entity/{schema}/{bob}", new { email = "ada@example.com", name = "Bob B." });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal($"Another Customer ('{ada}') has E-mail 'ADA@example.com'; E-mail is unique, so no two Customers share it.", await MessageOf(duplicate));
        Assert.Equal(HttpStatusCode.Conflict, patched.StatusCode);
        Assert.Contains($"('{ada}') has E-mail", await MessageOf(patched), StringComparison.Ordinal);
        var bobNow = (await client.GetFromJsonAsync<JsonObject>($"/v1/entity/{schema}/{bob}"))!;
        Assert.Equal("bob@example.com", (string?)bobNow["email"]);
        Assert.Equal("Bob", (string?)bobNow["name"]);
        Assert.Equal(2, await CountAsync(client, schema));
    }

    [Fact]
    public async Task A_deleted_records_unique_value_is_free_for_a_new_record_and_a_changed_one_frees_the_old_value()
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var schema = await CustomerSchemaAsync();
        var first = await CreateAsync(client, schema, new { customer_number = "C-400" });
        var second = await CreateAsync(client, schema, new { customer_number = "C-401" });

        (await admin.DeleteAsync(new Uri($"/v1/entity/{schema}/{first}", UriKind.Relative))).Dispose();
        await CreateAsync(client, schema, new { customer_number = "C-400" });
        using var renumbered = await client.PatchAsJsonAsync($"/v1/entity/{schema}/{second}", new { customer_number = "C-402" });
        Assert.Equal(HttpStatusCode.OK, renumbered.StatusCode);
        await CreateAsync(client, schema, new { customer_number = "C-401" });
    }

    [Theory]
    [InlineData("{\"entity\":{\"name\":\"x\"}}", HttpStatusCode.BadRequest, "Send 'unique_key' with the one unique attribute")]
    [InlineData("{\"unique_key\":[\"customer_number\",\"email\"],\"entity\":{\"name\":\"x\"}}", HttpStatusCode.BadRequest, "Send 'unique_key' with the one unique attribute")]
    [InlineData("{\"unique_key\":[\"name\"],\"entity\":{\"name\":\"x\"}}", HttpStatusCode.UnprocessableEntity, "'unique_key' names the unique attribute to find the record by: customer_number, email; 'name' is not one.")]
    [InlineData("{\"unique_key\":[\"email\"],\"entity\":{\"name\":\"x\"}}", HttpStatusCode.UnprocessableEntity, "The entity needs a value for 'email', its unique_key.")]
    [InlineData("{\"unique_key\":[\"email\"],\"entity\":{\"email\":\"not-an-address\"}}", HttpStatusCode.UnprocessableEntity, "E-mail must be an e-mail address.")]
    public async Task An_upsert_without_a_usable_unique_key_is_refused_naming_what_to_send(string body, HttpStatusCode status, string message)
    {
        using var client = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        var schema = await CustomerSchemaAsync();

        using var response = await client.PatchAsync(new Uri($"/v1/entity/{schema}:upsert", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await MessageOf(response), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(client, schema));
    }

    [Fact]
    public async Task An_attribute_two_records_share_cannot_be_made_unique_until_they_differ_and_a_select_never_can()
    {
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var schema = await CustomerSchemaAsync();
        var one = await CreateAsync(admin, schema, new { customer_number = "C-500", name = "Same" });
        await CreateAsync(admin, schema, new { customer_number = "C-501", name = "same " });

        using var shared = await admin.PutAsJsonAsync($"/v1/entity/schemas/{schema}", CustomerSchema(nameUnique: true));
        Assert.Equal(HttpStatusCode.Conflict, shared.StatusCode);
        Assert.StartsWith("Name cannot be unique yet: 2 Customers share 'same'", await MessageOf(shared), StringComparison.Ordinal);

        (await admin.PatchAsJsonAsync($"/v1/entity/{schema}/{one}", new { name = "Different" })).Dispose();
        using var accepted = await admin.PutAsJsonAsync($"/v1/entity/schemas/{schema}", CustomerSchema(nameUnique: true));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.True((bool)(await admin.GetFromJsonAsync<JsonObject>($"/v1/entity/schemas/{schema}"))!["attributes"]![2]!["unique"]!);
        using var taken = await admin.PostAsJsonAsync($"/v1/entity/{schema}", new { customer_number = "C-502", name = "DIFFERENT" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        using var select = await admin.PutAsJsonAsync($"/v1/entity/schemas/{schema}x", new
        {
            name = "Bad",
            title_template = "{{kind}}",
            attributes = new object[] { new { name = "kind", label = "Kind", type = "select", options = OneOption, unique = true } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, select.StatusCode);
        Assert.Contains("Attribute 'kind' cannot be unique", await MessageOf(select), StringComparison.Ordinal);
    }

    private static readonly string[] OneOption = ["a"];

    private async Task<string> CustomerSchemaAsync()
    {
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var schema = "customer" + Guid.NewGuid().ToString("N")[..8];
        using var defined = await admin.PutAsJsonAsync($"/v1/entity/schemas/{schema}", CustomerSchema(nameUnique: false));
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        return schema;
    }

    private static object CustomerSchema(bool nameUnique) => new
    {
        name = "Customer",
        plural = "Customers",
        title_template = "{{customer_number}} {{name}}",
        attributes = new object[]
        {
            new { name = "customer_number", label = "Customer number", type = "string", unique = true },
            new { name = "email", label = "E-mail", type = "email", unique = true },
            new { name = "name", label = "Name", type = "string", unique = nameUnique },
        },
    };

    private static Task<HttpResponseMessage> UpsertAsync(HttpClient client, string schema, string key, JsonObject entity) =>
        client.PatchAsJsonAsync($"/v1/entity/{schema}:upsert", new JsonObject { ["unique_key"] = new JsonArray(key), ["entity"] = entity });

    private static async Task<string> CreateAsync(HttpClient client, string schema, object body)
    {
        using var response = await client.PostAsJsonAsync($"/v1/entity/{schema}", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["_id"]!;
    }

    private static async Task<int> CountAsync(HttpClient client, string schema)
    {
        using var response = await client.PostAsJsonAsync("/v1/entity:search", new { q = $"_schema:{schema}", size = 0 });
        return (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["hits"]!;
    }

    private static async Task<string> MessageOf(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"] ?? "";
}
