using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>
/// Select options in epilot's either-form: a plain value, or <c>{"value", "title"}</c> whose title a person reads while
/// records keep the value.
/// </summary>
public sealed class SelectOptionApiTests(SelectOptionApiTests.App app) : IClassFixture<SelectOptionApiTests.App>
{
    public sealed class App : WorkflowsAppFactory;

    [Fact]
    public async Task Titled_and_plain_options_are_kept_as_given_and_records_hold_the_value_while_their_titles_read_the_options_title()
    {
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var slug = "deal" + Guid.NewGuid().ToString("N")[..8];
        var options = new JsonArray(new JsonObject { ["value"] = "offer", ["title"] = "Angebot" }, "won");

        using var defined = await admin.PutAsJsonAsync($"/v1/entity/schemas/{slug}", Schema(options));
        Assert.Equal(HttpStatusCode.OK, defined.StatusCode);
        var stored = (await admin.GetFromJsonAsync<JsonObject>($"/v1/entity/schemas/{slug}"))!["attributes"]![0]!["options"]!;
        Assert.True(JsonNode.DeepEquals(options, stored), stored.ToJsonString());

        using var byValue = await admin.PostAsJsonAsync($"/v1/entity/{slug}", new { stage = "offer" });
        Assert.Equal(HttpStatusCode.Created, byValue.StatusCode);
        var record = (await byValue.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("offer", (string?)record["stage"]);
        Assert.Equal("Angebot", (string?)record["_title"]); // a title from the template reads the option's title
        using var byTitle = await admin.PostAsJsonAsync($"/v1/entity/{slug}", new { stage = "Angebot" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byTitle.StatusCode);
        Assert.Contains("must be one of: offer, won.", await MessageOf(byTitle), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"title": "No value"}]""")]
    [InlineData("""[42]""")]
    [InlineData("""["offer", {"value": "offer", "title": "Offer"}]""")]
    [InlineData("""[" "]""")]
    public async Task Options_without_a_value_or_with_a_value_twice_are_refused_and_change_nothing(string options)
    {
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var slug = "deal" + Guid.NewGuid().ToString("N")[..8];

        using var refused = await admin.PutAsJsonAsync($"/v1/entity/schemas/{slug}", Schema(JsonNode.Parse(options)!));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEqual("", await MessageOf(refused));
        using var missing = await admin.GetAsync($"/v1/entity/schemas/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static JsonObject Schema(JsonNode options) => new()
    {
        ["name"] = "Deal",
        ["plural"] = "Deals",
        ["title_template"] = "{{stage}}",
        ["attributes"] = new JsonArray(new JsonObject { ["name"] = "stage", ["label"] = "Stage", ["type"] = "select", ["options"] = options }),
    };

    private static async Task<string> MessageOf(HttpResponseMessage response) =>
        (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["message"] ?? "";
}
