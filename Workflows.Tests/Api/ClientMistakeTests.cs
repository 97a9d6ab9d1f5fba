using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>
/// A client's mistakes answer a 4xx that says what is wrong and change nothing: text that is not Unicode, duplicate
/// keys, search syntax, a wrong content type or method, and bodies that break a rule of the product.
/// </summary>
public sealed class ClientMistakeTests(ClientMistakeTests.App app) : IClassFixture<ClientMistakeTests.App>, IAsyncLifetime
{
    private HttpClient admin = default!;
    private string templateId = "";
    private string executionId = "";

    /// <summary>Without the job worker, so the database changes only by the requests.</summary>
    public sealed class App : WorkflowsAppFactory
    {
        public App() => Settings["Jobs:RunWorker"] = "false";
    }

    public async Task InitializeAsync()
    {
        admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        templateId = (string)(await CreateTemplateAsync(admin, SolarTemplate("Mistakes")))["id"]!;
        executionId = (string)(await StartAsync(admin, templateId, "opportunity-002"))["id"]!;
    }

    public Task DisposeAsync()
    {
        admin.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string> Bodies => new()
    {
        { "POST", "/v1/workflows/closing-reasons", "{\"title\":\"\\ud800\"}" },
        { "POST", "/v1/entity/opportunity", "{\"name\":\"Roof \\udc00\"}" },
        { "POST", "/v1/entity/opportunity", "{\"\\ud800\":\"x\"}" },
        { "POST", "/v2/flows/tasks:search", "{\"text\":\"\\ud83d\"}" },
        { "PATCH", "/v2/flows/executions/{execution}/tasks/docs", "{\"status\":\"IN_PROGRESS\",\"status\":\"IN_PROGRESS\"}" },
        { "POST", "/v1/entity/opportunity", "{\"name\":\"A\",\"name\":\"B\"}" },
        { "POST", "/v1/entity:search", "{\"q\":\"_schema:contact\",\"q\":\"_schema:contact\"}" },
        { "POST", "/v2/flows/templates", "{\"name\":\"Twice\",\"name\":\"Twice\",\"tasks\":[],\"edges\":[]}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Lone_surrogates_and_duplicate_keys_are_refused_with_400_naming_the_problem(string method, string path, string body)
    {
        var before = await DatabaseFingerprint.OfAsync(app.Services);

        using var response = await SendAsync(method, path.Replace("{execution}", executionId, StringComparison.Ordinal), body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("surrogate|[Dd]uplicate", await MessageOf(response));
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(app.Services));
    }

    [Theory]
    [InlineData("\u0000abc")]
    [InlineData("abc\u0000")]
    public async Task Text_with_the_NUL_character_is_refused_with_a_message_on_every_provider(string text)
    {
        var before = await DatabaseFingerprint.OfAsync(app.Services);

        using var search = await admin.PostAsJsonAsync("/v2/flows/tasks:search", new JsonObject { ["text"] = text });
        using var reason = await admin.PostAsJsonAsync("/v1/workflows/closing-reasons", new JsonObject { ["title"] = text });

        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Contains("NUL character", await MessageOf(search), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reason.StatusCode);
        Assert.Contains("$.title", await MessageOf(reason), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(app.Services));
    }

    [Theory]
    [InlineData("\"abc")]
    [InlineData("abc*")]
    [InlineData("NEAR(abc def)")]
    [InlineData("abc AND def")]
    [InlineData("-abc")]
    [InlineData("^abc")]
    [InlineData("name:abc")]
    [InlineData("{name search_text}:abc")]
    [InlineData("🔥🔥🔥")]
    [InlineData("\u0001\u001f\u007f")]
    public async Task Search_text_with_control_characters_or_FTS_syntax_is_searched_literally(string text)
    {
        using var response = await admin.PostAsJsonAsync("/v2/flows/tasks:search", new JsonObject { ["text"] = text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_json_endpoint_without_a_json_content_type_answers_415_with_a_message(string? contentType)
    {
        using var response = await SendAsync("POST", "/v1/workflows/closing-reasons", "{\"title\":\"Sent as text\"}", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await MessageOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_method_on_an_api_route_answers_405_with_the_allowed_methods_and_an_unknown_route_404()
    {
        using var wrong = await SendAsync("PUT", "/v2/flows/tasks:search", "{}", "application/json");
        using var unknown = await SendAsync("GET", "/v2/flows/nothing-here", null, null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrong.StatusCode);
        Assert.Equal(["POST"], wrong.Content.Headers.Allow);
        Assert.Contains("POST", await MessageOf(wrong), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.NotEmpty(await MessageOf(unknown));
    }

    [Fact]
    public async Task A_start_that_names_another_schema_than_the_records_is_refused()
    {
        var before = await DatabaseFingerprint.OfAsync(app.Services);

        using var response = await admin.PostAsJsonAsync("/v2/flows/executions", new JsonObject
        {
            ["flow_template_id"] = templateId,
            ["contexts"] = new JsonArray { new JsonObject { ["entity_id"] = "opportunity-003", ["entity_schema"] = "contact" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("opportunity", await MessageOf(response), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(app.Services));
    }

    public static TheoryData<string> IncompleteDueDateRules => new()
    {
        "{}",
        "{\"unit\":\"days\",\"type\":\"WORKFLOW_STARTED\"}",
        "{\"duration\":2,\"type\":\"WORKFLOW_STARTED\"}",
        "{\"duration\":2,\"unit\":\"days\"}",
        "{\"duration\":-2,\"unit\":\"days\",\"type\":\"WORKFLOW_STARTED\"}",
    };

    [Theory]
    [MemberData(nameof(IncompleteDueDateRules))]
    public async Task An_incomplete_or_negative_due_date_rule_is_refused_on_templates_and_tasks(string rule)
    {
        var before = await DatabaseFingerprint.OfAsync(app.Services);
        var template = SolarTemplate("Due rule");
        template["due_date_config"] = JsonNode.Parse(rule);

        using var created = await admin.PostAsJsonAsync("/v2/flows/templates", template);
        using var patched = await PatchAsync(admin, $"/v2/flows/executions/{executionId}/tasks/docs", new JsonObject { ["due_date_config"] = JsonNode.Parse(rule) });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Matches("(?i)due", await MessageOf(created));
        Assert.Equal(HttpStatusCode.BadRequest, patched.StatusCode);
        Assert.Matches("(?i)due", await MessageOf(patched));
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(app.Services));
    }

    [Fact]
    public async Task A_template_naming_an_automation_or_journey_that_does_not_exist_is_refused_on_create_and_update()
    {
        var before = await DatabaseFingerprint.OfAsync(app.Services);
        var automation = SolarTemplate("Ghost automation").WithAutomation();
        automation["tasks"]!.AsArray().Last()!["automation_config"]!["flow_id"] = "no-such-automation";
        var journey = await GetAsync(admin, $"/v2/flows/templates/{templateId}");
        journey["tasks"]!.AsArray()[0]!["journey"] = new JsonObject { ["journeyId"] = "no-such-journey" };

        using var created = await admin.PostAsJsonAsync("/v2/flows/templates", automation);
        using var updated = await admin.PutAsJsonAsync($"/v2/flows/templates/{templateId}", journey);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("no-such-automation", await MessageOf(created), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
        Assert.Contains("no-such-journey", await MessageOf(updated), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.OfAsync(app.Services));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? body, string? contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            }
        }

        return await admin.SendAsync(request);
    }
}
