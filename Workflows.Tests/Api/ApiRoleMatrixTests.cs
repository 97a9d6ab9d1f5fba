using System.Net;
using System.Text;
using Workflows.Core.Identity;
using Workflows.Tests.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>
/// Each role against one endpoint of each group: allowed (anything but 401/403, the body is deliberately unusable so
/// nothing changes) when the <see cref="RoleMatrix"/> gives the role the endpoint's permission, refused with 403
/// otherwise; without a token every one is 401.
/// </summary>
public sealed class ApiRoleMatrixTests(ApiRoleMatrixTests.App app) : IClassFixture<ApiRoleMatrixTests.App>
{
    private const string Admin = "admin@workflows.demo";
    private const string Builder = "builder@workflows.demo";
    private const string CaseWorker = "caseworker@workflows.demo";
    private const string Manager = "manager@workflows.demo";
    private const string Partner = "partner@solartech.demo";

    public sealed class App : WorkflowsAppFactory;

    private static readonly Dictionary<string, string> UserOf = new()
    {
        [Roles.Admin] = Admin, [Roles.Builder] = Builder, [Roles.CaseWorker] = CaseWorker, [Roles.Manager] = Manager, [Roles.Partner] = Partner,
    };

    /// <summary>Each endpoint and the permission it asks for; who holds that permission is the <see cref="RoleMatrix"/>'s to say.</summary>
    public static TheoryData<string, string, string, Permission> Endpoints => new()
    {
        { "GET", "/v2/flows/templates", "", Permission.ReadDefinitions },
        { "POST", "/v2/flows/templates:search", "{}", Permission.ReadDefinitions },
        { "GET", "/v2/flows/templates/nope", "", Permission.ReadDefinitions },
        { "POST", "/v2/flows/templates", "{\"name\": 1}", Permission.Build },
        { "PUT", "/v2/flows/templates/nope", "{}", Permission.Build },
        { "DELETE", "/v2/flows/templates/nope", "", Permission.Build },
        { "POST", "/v2/flows/templates/nope/duplicate", "", Permission.Build },
        { "GET", "/v1/workflows/closing-reasons", "", Permission.ReadDefinitions },
        { "POST", "/v1/workflows/closing-reasons", "{\"title\": \"\"}", Permission.Build },
        { "GET", "/v1/workflows/closing-reasons/nope", "", Permission.ReadDefinitions },
        { "PATCH", "/v1/workflows/closing-reasons/nope", "{\"status\": \"ACTIVE\"}", Permission.Build },
        { "GET", "/v2/workflows/closing-reasons/nope", "", Permission.ReadDefinitions },
        { "PATCH", "/v2/workflows/closing-reasons/nope", "{\"title\": \"x\"}", Permission.Build },
        { "DELETE", "/v2/workflows/closing-reasons/nope", "", Permission.Build },
        { "GET", "/v1/workflows/definitions/nope/closing-reasons", "", Permission.ReadDefinitions },
        { "PATCH", "/v1/workflows/definitions/nope/closing-reasons", "{\"reasons\": []}", Permission.Build },
        { "GET", "/v1/workflows/executions/nope/closing-reasons", "", Permission.ReadDefinitions },
        { "POST", "/v2/flows/executions", "{}", Permission.ManageWorkflows },
        { "POST", "/v2/flows/executions:search", "{}", Permission.SeeWork },
        { "GET", "/v2/flows/executions/nope", "", Permission.SeeWork },
        { "PATCH", "/v2/flows/executions/nope", "{\"status\": \"CLOSED\"}", Permission.ManageWorkflows },
        { "DELETE", "/v2/flows/executions/nope", "", Permission.DeleteWorkflows },
        { "DELETE", "/v2/flows/executions/nope?soft=false", "", Permission.DeleteWorkflows },
        { "PATCH", "/v2/flows/executions/nope/tasks/t", "{\"status\": \"COMPLETED\"}", Permission.WorkTasks },
        { "POST", "/v2/flows/executions/nope/tasks", "{}", Permission.ManageWorkflows },
        { "POST", "/v2/flows/executions/nope/tasks/t/automation:run", "", Permission.WorkTasks },
        { "POST", "/v2/flows/executions/nope/tasks/t/execute", "", Permission.WorkTasks },
        { "DELETE", "/v2/flows/executions/nope/tasks/t/schedule", "", Permission.ManageWorkflows },
        { "PATCH", "/v2/flows/executions/nope/phases/p", "{\"assigned_to\": []}", Permission.ManageWorkflows },
        { "POST", "/v2/flows/executions/nope/tasks/t:claim", "", Permission.WorkTasks },
        { "POST", "/v2/flows/executions/nope/tasks/t:release", "", Permission.WorkTasks },
        { "POST", "/v2/flows/tasks:search", "{\"execution_id\": \"nope\"}", Permission.SeeWork },
        { "POST", "/v2/flows/tasks:board", "{\"execution_id\": \"nope\"}", Permission.SeeWork },
        { "GET", "/v1/entity/schemas", "", Permission.UseRecords },
        { "PUT", "/v1/entity/schemas/nope", "{\"slug\": \"other\"}", Permission.Administer },
        { "POST", "/v1/entity/opportunity", "[]", Permission.UseRecords },
        { "GET", "/v1/entity/opportunity/nope", "", Permission.UseRecords },
        { "PATCH", "/v1/entity/opportunity/nope", "{}", Permission.UseRecords },
        { "DELETE", "/v1/entity/opportunity/nope", "", Permission.DeleteRecords },
        { "POST", "/v1/entity:search", "{}", Permission.UseRecords },
        { "GET", "/v1/webhooks", "", Permission.Administer },
        { "POST", "/v1/webhooks", "{\"url\": 1}", Permission.Administer },
        { "POST", "/v1/webhooks/nope/deliveries/nope/resend", "", Permission.Administer },
        { "GET", "/v1/teams", "", Permission.ReadDefinitions },
        { "GET", "/v1/teams/nope", "", Permission.ReadDefinitions },
        { "POST", "/v1/teams", "{\"name\": \"\"}", Permission.Administer },
        { "PATCH", "/v1/teams/nope", "{\"name\": \"\"}", Permission.Administer },
        { "DELETE", "/v1/teams/nope", "", Permission.Administer },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_is_allowed_or_refused_with_403(string method, string path, string body, Permission permission)
    {
        var allowedUsers = RoleMatrix.RolesHolding(permission).Select(role => UserOf[role]).ToList();
        foreach (var user in UserOf.Values)
        {
            using var client = await ApiClients.ForAsync(app, user);
            using var response = await client.SendAsync(Request(method, path, body));

            var allowed = allowedUsers.Contains(user);
            Assert.True(
                allowed ? response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) : response.StatusCode == HttpStatusCode.Forbidden,
                $"{user} {method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True((int)response.StatusCode < 500, $"{user} {method} {path}: {(int)response.StatusCode}");
        }
    }

    public static TheoryData<string, string, string> Requests()
    {
        var requests = new TheoryData<string, string, string>();
        foreach (var endpoint in Endpoints)
        {
            requests.Add((string)endpoint[0], (string)endpoint[1], (string)endpoint[2]);
        }

        return requests;
    }

    [Theory]
    [MemberData(nameof(Requests))]
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
