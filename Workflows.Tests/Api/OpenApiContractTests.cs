using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Workflows.Tests.Compat;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>
/// The OpenAPI document is the contract: it passes Redocly's recommended rules, lists every API route the app maps
/// with its operationId, and the error statuses it documents at the edge are the ones the server sends.
/// </summary>
public sealed class OpenApiContractTests(OpenApiContractTests.App app) : IClassFixture<OpenApiContractTests.App>
{
    public sealed class App : WorkflowsAppFactory
    {
        public App()
        {
            Settings["Api:RateLimitPerSecond"] = "100000";
        }
    }

    [NodeFact]
    public async Task Redocly_finds_no_error_in_the_document()
    {
        var file = Path.Combine(Path.GetTempPath(), $"workflows-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        try
        {
            var folder = NodeTool.CompatFolder();
            await NodeTool.EnsureInstalledAsync(folder);

            var (exitCode, output) = await NodeTool.RunAsync(
                Path.Combine(folder, "node_modules", ".bin", "redocly"), $"lint \"{file}\" --format=summary", folder,
                new Dictionary<string, string>(), TimeSpan.FromMinutes(2));

            Assert.True(exitCode == 0, "redocly lint (recommended rules) reported errors:\n" + output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_select_option_is_described_as_epilots_either_form_a_value_or_a_value_with_a_title()
    {
        var option = (await DocumentAsync())["components"]!["schemas"]!["EntityAttribute"]!["properties"]!["options"]!["items"]!;

        var forms = option["oneOf"]!.AsArray();
        Assert.Equal("string", (string?)forms[0]!["type"]);
        Assert.Equal("value", (string?)forms[1]!["required"]![0]);
        Assert.NotNull(forms[1]!["properties"]!["title"]);
    }

    [Fact]
    public async Task Every_api_route_the_app_maps_is_in_the_document_with_its_operation_id_and_only_those()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();

        var mapped = ApiRoutes().ToList();

        Assert.All(mapped, route => Assert.Equal(
            route.OperationId, (string?)paths[route.Path]?[route.Method.ToLowerInvariant()]?["operationId"]));
        Assert.All(paths, path => Assert.Matches("^/v[12]/", path.Key));
        Assert.Equal(mapped.Count, paths.Sum(path => path.Value!.AsObject().Count));
        Assert.NotNull(document["components"]!["securitySchemes"]!["bearer"]);
    }

    [Fact]
    public async Task Without_a_token_every_operation_answers_401_as_documented()
    {
        var document = await DocumentAsync();
        using var client = app.CreateClient();
        var anonymous = AnonymousOperations();
        Assert.Equal(["getProgress"], anonymous);

        foreach (var route in ApiRoutes())
        {
            using var response = await client.SendAsync(Request(route, "{}", "application/json"));
            if (anonymous.Contains(route.OperationId))
            {
                Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Null(document["paths"]![route.Path]![route.Method.ToLowerInvariant()]!["responses"]!["401"]);
                Assert.Empty(document["paths"]![route.Path]![route.Method.ToLowerInvariant()]!["security"]!.AsArray());
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Path}: {(int)response.StatusCode}");
            Assert.NotNull(document["paths"]![route.Path]![route.Method.ToLowerInvariant()]!["responses"]!["401"]);
        }
    }

    [Fact]
    public async Task Every_operation_documenting_415_refuses_a_body_not_sent_as_json_and_400_a_broken_one()
    {
        var document = await DocumentAsync();
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var checkedOperations = 0;

        foreach (var route in ApiRoutes())
        {
            var responses = document["paths"]![route.Path]![route.Method.ToLowerInvariant()]!["responses"]!.AsObject();
            if (!responses.ContainsKey("415"))
            {
                continue;
            }

            using var text = await admin.SendAsync(Request(route, "{}", "text/plain"));
            using var broken = await admin.SendAsync(Request(route, "{\"a\":", "application/json"));

            Assert.True(text.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{route.Method} {route.Path}: {(int)text.StatusCode}");
            Assert.True(broken.StatusCode == HttpStatusCode.BadRequest, $"{route.Method} {route.Path}: {(int)broken.StatusCode}");
            Assert.True(responses.ContainsKey("400"), $"{route.Method} {route.Path} documents 415 but not 400");
            checkedOperations++;
        }

        Assert.True(checkedOperations >= 15, $"only {checkedOperations} operations read JSON bodies");
    }

    [Fact]
    public async Task Api_answers_carry_the_rate_limit_headers()
    {
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");

        using var first = await admin.GetAsync(new Uri("/v1/entity/schemas", UriKind.Relative));
        using var second = await admin.GetAsync(new Uri("/v1/entity/schemas", UriKind.Relative));

        Assert.Equal("200000", Header(first, "RateLimit-Limit"));
        Assert.Equal("199999", Header(first, "RateLimit-Remaining"));
        Assert.True(int.Parse(Header(second, "RateLimit-Remaining"), System.Globalization.CultureInfo.InvariantCulture) <= 199999);
        Assert.Equal("1", Header(first, "RateLimit-Reset"));
    }

    [Fact]
    public async Task Every_success_that_answers_a_body_documents_its_schema_and_optional_request_fields_are_not_required()
    {
        var document = await DocumentAsync();
        var bodiless = new HashSet<string> { "202", "204" };
        var bodilessOperations = new HashSet<string> { "setWorkflowClosingReasons" }; // epilot answers 201 without a body
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => !bodilessOperations.Contains((string)o.Value!["operationId"]!)))
            {
                missing.AddRange(operation!["responses"]!.AsObject()
                    .Where(r => r.Key.StartsWith('2') && !bodiless.Contains(r.Key) && r.Value!["content"]?["application/json"]?["schema"] is null)
                    .Select(r => $"{method.ToUpperInvariant()} {path} {r.Key}"));
            }
        }

        Assert.True(missing.Count == 0, "Success without a body schema:\n" + string.Join("\n", missing));
        var start = document["components"]!["schemas"]!["FlowExecutionsStartRequest"]!;
        Assert.Equal(["contexts", "flow_template_id"], start["required"]!.AsArray().Select(n => (string)n!).Order());
    }

    [Fact]
    public async Task Every_constraint_a_declared_request_schema_states_is_enforced_a_body_breaking_it_is_refused()
    {
        var document = await DocumentAsync();
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var template = await FlowApi.CreateTemplateAsync(admin, FlowApi.SolarTemplate("Constraint target"));
        var execution = (string)(await FlowApi.StartAsync(admin, (string)template["id"]!, "opportunity-005"))["id"]!;
        using var noted = await admin.PostAsJsonAsync("/v1/note", new { execution_id = execution, task_id = "docs", content = "Constraint note" });
        var note = (string)(await noted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var meters = await admin.PutAsJsonAsync("/v1/entity/schemas/constraint_meter", new
        {
            name = "Meter",
            title_template = "{{meter_number}}",
            attributes = new object[] { new { name = "meter_number", label = "Meter number", type = "string", unique = true } },
        });
        Assert.Equal(HttpStatusCode.OK, meters.StatusCode);
        // Each operation with a declared body, a path to send it to and a body it accepts; each violation changes one field.
        var targets = new (string OperationId, string Method, string Path, JsonObject Valid)[]
        {
            ("createEntity", "POST", "/v1/entity/contact", new() { ["first_name"] = "Constance", ["last_name"] = "Raint" }),
            ("patchEntity", "PATCH", "/v1/entity/contact/contact-003", new() { ["city"] = "Linz" }),
            ("upsertEntity", "PATCH", "/v1/entity/constraint_meter:upsert", new() { ["unique_key"] = new JsonArray("meter_number"), ["entity"] = new JsonObject { ["meter_number"] = "1ESY" } }),
            ("searchEntities", "POST", "/v1/entity:search", new() { ["q"] = "_schema:contact", ["size"] = 1 }),
            ("patchTask", "PATCH", $"/v2/flows/executions/{execution}/tasks/docs", new() { ["assigned_to"] = new JsonArray("manager") }),
            ("patchFlowExecution", "PATCH", $"/v2/flows/executions/{execution}", new() { ["assigned_to"] = new JsonArray("manager") }),
            ("patchPhase", "PATCH", $"/v2/flows/executions/{execution}/phases/p1", new() { ["assigned_to"] = new JsonArray("manager") }),
            ("createFlowTemplate", "POST", "/v2/flows/templates", FlowApi.SolarTemplate("Constraint template")),
            ("addTask", "POST", $"/v2/flows/executions/{execution}/tasks", new() { ["previous_task_id"] = "docs", ["task"] = new JsonObject { ["name"] = "Constraint task" } }),
            ("createClosingReason", "POST", "/v1/workflows/closing-reasons", new() { ["title"] = "Constraint reason" }),
            ("createNote", "POST", "/v1/note", new() { ["execution_id"] = execution, ["task_id"] = "docs", ["content"] = "Fine" }),
            ("patchNote", "PATCH", $"/v1/note/{note}", new() { ["pinned"] = false }),
        };
        var unenforced = new List<string>();
        var checkedCount = 0;
        foreach (var (operationId, method, path, valid) in targets)
        {
            var schema = RequestSchemaOf(document, operationId);
            using (var accepted = await SendJsonAsync(admin, method, path, valid))
            {
                Assert.True(accepted.IsSuccessStatusCode, $"{operationId}: the valid body was answered {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
            }

            foreach (var (field, broken, constraint) in Violations(schema, valid))
            {
                checkedCount++;
                using var response = await SendJsonAsync(admin, method, path, broken);
                if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity))
                {
                    unenforced.Add($"{operationId}: '{field}' {constraint} was answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(unenforced.Count == 0, "Declared but not enforced:\n" + string.Join("\n", unenforced));
        Assert.True(checkedCount >= 20, $"only {checkedCount} constraints were checked");
    }

    [Fact]
    public async Task Limits_the_server_enforces_are_the_ones_the_request_schemas_declare()
    {
        var document = await DocumentAsync();

        Assert.Equal(Workflows.Core.Entities.RecordQuery.MaxPageSize, (int)RequestSchemaOf(document, "searchEntities")["properties"]!["size"]!["maximum"]!);
        Assert.Equal(0, (int)RequestSchemaOf(document, "searchEntities")["properties"]!["from"]!["minimum"]!);
        Assert.Equal(Workflows.Core.Entities.RecordTitle.MaxLength, (int)RequestSchemaOf(document, "createEntity")["properties"]!["_title"]!["maxLength"]!);
        Assert.Equal(50, (int)RequestSchemaOf(document, "patchTask")["properties"]!["assigned_to"]!["maxItems"]!);
        Assert.Contains("COMPLETED", RequestSchemaOf(document, "patchTask")["properties"]!["status"]!["enum"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(Workflows.Core.ClosingReasons.ClosingReasonCatalogue.MaxTitleLength, (int)RequestSchemaOf(document, "createClosingReason")["properties"]!["title"]!["maxLength"]!);
        Assert.Equal(Workflows.Core.Notes.NoteService.MaxLength, (int)RequestSchemaOf(document, "createNote")["properties"]!["content"]!["maxLength"]!);
        Assert.Equal(["entity", "unique_key"], RequestSchemaOf(document, "upsertEntity")["required"]!.AsArray().Select(v => (string)v!).Order());
        Assert.Equal(Workflows.Core.Flows.Validation.FlowTemplateValidator.MaxNameLength, (int)RequestSchemaOf(document, "addTask")["properties"]!["task"]!["properties"]!["name"]!["maxLength"]!);
        Assert.Equal(50, (int)RequestSchemaOf(document, "patchPhase")["properties"]!["assigned_to"]!["maxItems"]!);
        var template = RequestSchemaOf(document, "createFlowTemplate")["properties"]!;
        Assert.Equal(Workflows.Core.Flows.Validation.FlowTemplateValidator.MaxNameLength, (int)template["name"]!["maxLength"]!);
        Assert.Equal(Workflows.Core.Flows.Templates.TemplateLabels.MaxCount, (int)template["taxonomies"]!["maxItems"]!);
    }

    private static Task<HttpResponseMessage> SendJsonAsync(HttpClient client, string method, string path, JsonObject body) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        });

    private static JsonObject RequestSchemaOf(JsonObject document, string operationId)
    {
        var operation = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()).Single(o => (string?)o.Value!["operationId"] == operationId).Value!;
        var reference = (string)operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!;
        return document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
    }

    /// <summary>For each constraint of the schema's properties, the valid body with that one field breaking it.</summary>
    private static IEnumerable<(string Field, JsonObject Body, string Constraint)> Violations(JsonObject schema, JsonObject valid)
    {
        JsonObject With(string field, JsonNode? value)
        {
            var body = (JsonObject)valid.DeepClone();
            body[field] = value;
            return body;
        }

        foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
        {
            var body = (JsonObject)valid.DeepClone();
            body.Remove(required);
            yield return (required, body, "required");
        }

        foreach (var (field, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (property!["maxLength"] is { } maxLength)
            {
                yield return (field, With(field, new string('x', (int)maxLength + 1)), $"maxLength {maxLength}");
            }

            if (property["minLength"] is { } minLength && (int)minLength > 0)
            {
                yield return (field, With(field, new string(' ', 0)), $"minLength {minLength}");
            }

            if (property["minimum"] is { } minimum)
            {
                yield return (field, With(field, (int)minimum - 1), $"minimum {minimum}");
            }

            if (property["maximum"] is { } maximum)
            {
                yield return (field, With(field, (int)maximum + 1), $"maximum {maximum}");
            }

            if (property["enum"] is not null)
            {
                yield return (field, With(field, "NOT_ONE_OF_THEM"), "enum");
            }

            if (property["maxItems"] is { } maxItems)
            {
                var item = property["items"]?["examples"]?[0] ?? property["items"]?["example"] ?? "x";
                yield return (field, With(field, new JsonArray([.. Enumerable.Range(0, (int)maxItems + 1).Select(_ => item.DeepClone())])), $"maxItems {maxItems}");
            }

            if (property["minItems"] is { } minItems && (int)minItems > 0)
            {
                yield return (field, With(field, new JsonArray()), $"minItems {minItems}");
            }
        }
    }

    private async Task<JsonObject> DocumentAsync() =>
        (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<JsonObject>(app.CreateClient(), "/openapi/v1.json"))!;

    private IEnumerable<(string Method, string Path, string OperationId)> ApiRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Endpoint: e))
            .Where(e => e.Path.StartsWith("/v1/", StringComparison.Ordinal) || e.Path.StartsWith("/v2/", StringComparison.Ordinal))
            .Select(e => (
                e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods[0],
                e.Path,
                e.Endpoint.Metadata.GetMetadata<Workflows.Web.Api.ApiOperation>()?.Id ?? "(undocumented)"));

    /// <summary>The operations that answer without a token: only those whose own path carries a credential.</summary>
    private List<string> AnonymousOperations() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<Workflows.Web.Api.ApiOperation>() is not null && Workflows.Web.Api.ApiOperation.IsAnonymous(e.Metadata))
            .Select(e => e.Metadata.GetMetadata<Workflows.Web.Api.ApiOperation>()!.Id)];

    private static HttpRequestMessage Request((string Method, string Path, string OperationId) route, string body, string type) =>
        new(new HttpMethod(route.Method), new Uri(Concrete(route.Path), UriKind.Relative))
        {
            Content = route.Method is "GET" or "DELETE" ? null : new StringContent(body, Encoding.UTF8, type),
        };

    /// <summary>The path with each parameter filled in with a name that exists nowhere.</summary>
    private static string Concrete(string path) => System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "nope");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : $"(no {name})";
}
