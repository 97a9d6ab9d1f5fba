using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Executions;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>Teams over the API, and a member claiming and releasing a team task with a bearer token.</summary>
public sealed class TeamsApiTests(TeamsApiTests.App app) : IClassFixture<TeamsApiTests.App>
{
    public sealed class App : WorkflowsAppFactory
    {
        public App() => Settings["Jobs:RunWorker"] = "false";
    }

    [Fact]
    public async Task An_admin_creates_renames_and_deletes_a_team_and_a_second_of_the_same_name_is_409()
    {
        using var admin = await ApiClients.ForAsync(app, "admin@workflows.demo");
        var lena = await UserIdAsync("caseworker@workflows.demo");

        using var created = await admin.PostAsJsonAsync("/v1/teams", new JsonObject { ["name"] = "Meter readers", ["round_robin"] = true, ["members"] = new JsonArray { lena } });
        using var twice = await admin.PostAsJsonAsync("/v1/teams", new JsonObject { ["name"] = "meter readers" });
        using var unknown = await admin.PostAsJsonAsync("/v1/teams", new JsonObject { ["name"] = "Ghosts", ["members"] = new JsonArray { "nobody" } });
        using var renamed = await admin.PatchAsJsonAsync("/v1/teams/team-meter-readers", new JsonObject { ["name"] = "Meter reading" });
        using var list = await admin.GetAsync(new Uri("/v1/teams", UriKind.Relative));
        using var deleted = await admin.DeleteAsync(new Uri("/v1/teams/team-meter-readers", UriKind.Relative));
        using var gone = await admin.GetAsync(new Uri("/v1/teams/team-meter-readers", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var team = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("team-meter-readers", (string)team["id"]!);
        Assert.True((bool)team["round_robin"]!);
        Assert.Equal(lena, (string)team["members"]![0]!);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("nobody", await unknown.Content.ReadAsStringAsync());
        var after = (await renamed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Meter reading", (string)after["name"]!);
        Assert.Equal(lena, (string)after["members"]![0]!);
        Assert.Contains("Field service", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_member_claims_and_releases_a_team_task_and_someone_outside_the_team_is_told_why_not()
    {
        var (executionId, taskId) = await FieldServiceTaskAsync();
        using var member = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        using var outsider = await ApiClients.ForAsync(app, "manager@workflows.demo");
        var lena = await UserIdAsync("caseworker@workflows.demo");

        using var refused = await outsider.PostAsync(new Uri($"/v2/flows/executions/{executionId}/tasks/{taskId}:claim", UriKind.Relative), null);
        using var claimed = await member.PostAsync(new Uri($"/v2/flows/executions/{executionId}/tasks/{taskId}:claim", UriKind.Relative), null);
        using var again = await member.PostAsync(new Uri($"/v2/flows/executions/{executionId}/tasks/{taskId}:claim", UriKind.Relative), null);
        using var released = await member.PostAsync(new Uri($"/v2/flows/executions/{executionId}/tasks/{taskId}:release", UriKind.Relative), null);
        using var nothingToRelease = await member.PostAsync(new Uri($"/v2/flows/executions/{executionId}/tasks/{taskId}:release", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Only members of “Field service”", (string)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["message"]!);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        var task = (await claimed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(lena, (string)task["assigned_to"]![0]!);
        Assert.Equal(DemoSeeder.FieldServiceTeamId, (string)task["team"]!);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(DemoSeeder.FieldServiceTeamId, (string)(await released.Content.ReadFromJsonAsync<JsonObject>())!["assigned_to"]![0]!);
        Assert.Equal(HttpStatusCode.BadRequest, nothingToRelease.StatusCode);
    }

    private async Task<(string ExecutionId, string TaskId)> FieldServiceTaskAsync()
    {
        foreach (var execution in await app.Services.GetRequiredService<FlowExecutionService>().ListForEntityAsync("contact-007", CancellationToken.None))
        {
            if (execution.Tasks.FirstOrDefault(t => t.AssigneeIds().Contains(DemoSeeder.FieldServiceTeamId)) is { } task)
            {
                return (execution.Id, task.Id);
            }
        }

        throw new InvalidOperationException("The demo seed has no field service task.");
    }

    private async Task<string> UserIdAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Workflows.Core.Identity.ApplicationUser>>();
        return (await users.FindByEmailAsync(email))!.Id;
    }
}
