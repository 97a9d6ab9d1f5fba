using System.Net;
using System.Text;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>
/// Each role against one endpoint of each group: allowed (anything but 401/403, the body is deliberately unusable so
/// nothing changes) or refused with 403; without a token every one is 401.
/// </summary>
public sealed class ApiRoleMatrixTests(ApiRoleMatrixTests.App app) : IClassFixture<ApiRoleMatrixTests.App>
{
    private const string Admin = "admin@workflows.demo";
    private const string Builder = "builder@workflows.demo";
    private const string CaseWorker = "caseworker@workflows.demo";
    private const string Manager = "manager@workflows.demo";
    private const string Partner = "partner@solartech.demo";

    public sealed class App : WorkflowsAppFactory;

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "GET", "/v2/flows/templates", "" },
        { "POST", "/v2/flows/templates:search", "{}" },
        { "GET", "/v2/flows/templates/nope", "" },
        { "POST", "/v2/flows/templates", "{\"name\": 1}" },
        { "PUT", "/v2/flows/templates/nope", "{}" },
        { "DELETE", "/v2/flows/templates/nope", "" },
        { "POST", "/v2/flows/templates/nope/duplicate", "" },
        { "GET", "/v1/workflows/closing-reasons", "" },
        { "POST", "/v1/workflows/closing-reasons", "{\"title\": \"\"}" },
        { "GET", "/v1/workflows/closing-reasons/nope", "" },
        { "PATCH", "/v1/workflows/closing-reasons/nope", "{\"status\": \"ACTIVE\"}" },
        { "GET", "/v2/workflows/closing-reasons/nope", "" },
        { "PATCH", "/v2/workflows/closing-reasons/nope", "{\"title\": \"x\"}" },
        { "DELETE", "/v2/workflows/closing-reasons/nope", "" },
        { "GET", "/v1/workflows/definitions/nope/closing-reasons", "" },
        { "PATCH", "/v1/workflows/definitions/nope/closing-reasons", "{\"reasons\": []}" },
        { "GET", "/v1/workflows/executions/nope/closing-reasons", "" },
        { "POST", "/v2/flows/executions", "{}" },
        { "POST", "/v2/flows/executions:search", "{}" },
        { "GET", "/v2/flows/executions/nope", "" },
        { "PATCH", "/v2/flows/executions/nope", "{\"status\": \"CLOSED\"}" },
        { "DELETE", "/v2/flows/executions/nope", "" },
        { "DELETE", "/v2/flows/executions/nope?soft=false", "" },
        { "PATCH", "/v2/flows/executions/nope/tasks/t", "{\"status\": \"COMPLETED\"}" },
        { "POST", "/v2/flows/executions/nope/tasks", "{}" },
        { "POST", "/v2/flows/executions/nope/tasks/t/automation:run", "" },
        { "POST", "/v2/flows/executions/nope/tasks/t/execute", "" },
        { "DELETE", "/v2/flows/executions/nope/tasks/t/schedule", "" },
        { "PATCH", "/v2/flows/executions/nope/phases/p", "{\"assigned_to\": []}" },
        { "POST", "/v2/flows/tasks:search", "{\"execution_id\": \"nope\"}" },
        { "GET", "/v1/entity/schemas", "" },
        { "PUT", "/v1/entity/schemas/nope", "{\"slug\": \"other\"}" },
        { "POST", "/v1/entity/opportunity", "[]" },
        { "GET", "/v1/entity/opportunity/nope", "" },
        { "PATCH", "/v1/entity/opportunity/nope", "{}" },
        { "DELETE", "/v1/entity/opportunity/nope", "" },
        { "POST", "/v1/entity:search", "{}" },
    };

    /// <summary>Who may call what: the roles that are not refused with 403.</summary>
    private static string[] Allowed(string method, string path)
    {
        string[] staff = [Admin, Builder, CaseWorker, Manager], builders = [Admin, Builder];
        string[] dashboard = [Admin, CaseWorker, Manager], workers = [Admin, CaseWorker, Manager, Partner];
        var reads = method == "GET" || path.EndsWith(":search", StringComparison.Ordinal);
        // Destroying what colleagues work on (a workflow, softly or for good, or a record) is the Admin's alone.
        var destroys = method == "DELETE" && !path.Contains("/tasks/", StringComparison.Ordinal)
            && (path.StartsWith("/v2/flows/executions/", StringComparison.Ordinal) || path.StartsWith("/v1/entity/", StringComparison.Ordinal));
        if (destroys || path.StartsWith("/v1/entity/schemas/", StringComparison.Ordinal) && method == "PUT")
        {
            return [Admin];
        }

        if (path.StartsWith("/v1/entity", StringComparison.Ordinal))
        {
            return staff;
        }

        if (path.Contains("/templates", StringComparison.Ordinal))
        {
            return reads ? staff : builders;
        }

        if (path.Contains("closing-reasons", StringComparison.Ordinal))
        {
            return method == "GET" ? staff : builders;
        }

        var worksATask = (method == "PATCH" && path.Contains("/tasks/", StringComparison.Ordinal))
            || path.EndsWith("automation:run", StringComparison.Ordinal) || path.EndsWith("/execute", StringComparison.Ordinal);
        return reads || worksATask ? workers : dashboard;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_is_allowed_or_refused_with_403(string method, string path, string body)
    {
        foreach (var user in new[] { Admin, Builder, CaseWorker, Manager, Partner })
        {
            using var client = await ApiClients.ForAsync(app, user);
            using var response = await client.SendAsync(Request(method, path, body));

            var allowed = Allowed(method, path).Contains(user);
            Assert.True(
                allowed ? response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) : response.StatusCode == HttpStatusCode.Forbidden,
                $"{user} {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True((int)response.StatusCode < 500, $"{user} {method} {path}: {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_token_every_endpoint_is_401(string method, string path, string body)
    {
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Request(method, path, body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpRequestMessage Request(string method, string path, string body) =>
        new(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = body.Length == 0 ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
}
