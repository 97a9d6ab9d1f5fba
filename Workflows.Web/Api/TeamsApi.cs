using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core;
using Workflows.Core.Flows;
using Workflows.Core.Teams;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>Teams (groups) a task can be assigned to: staff read them to assign; administrators keep them.</summary>
public static class TeamsApi
{
    public static RouteGroupBuilder MapTeamsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithTags("Teams");
        var readers = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.ReadDefinitions);
        var admins = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.Administer);

        readers.MapGet("/v1/teams", ListAsync).Produces<TeamList>().Documented("listTeams", "List the teams");
        readers.MapGet("/v1/teams/{team_id}", GetAsync).Produces<TeamJson>().Documented("getTeam", "Read a team");
        admins.MapPost("/v1/teams", CreateAsync).Accepts<TeamBody>("application/json").Requests(RequestSchemas.Team).Idempotent().Produces<TeamJson>(StatusCodes.Status201Created)
            .Documented("createTeam", "Create a team", StatusCodes.Status409Conflict);
        admins.MapPatch("/v1/teams/{team_id}", UpdateAsync).Accepts<TeamBody>("application/json").Requests(RequestSchemas.Team).Produces<TeamJson>()
            .Documented("updateTeam", "Rename a team, change its members or switch round-robin", StatusCodes.Status409Conflict);
        admins.MapDelete("/v1/teams/{team_id}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("deleteTeam", "Delete a team no open task is assigned to", StatusCodes.Status409Conflict);
        return group;
    }

    private static async Task<IResult> ListAsync(TeamAdministration teams, CancellationToken ct) =>
        TypedResults.Json(new TeamList([.. (await teams.ListAsync(ct)).Select(TeamJson.From)]), FlowJson.Options);

    private static async Task<Results<JsonHttpResult<TeamJson>, ApiProblem>> GetAsync(string team_id, TeamAdministration teams, CancellationToken ct) =>
        Respond(await teams.GetAsync(team_id, ct));

    private static async Task<Results<JsonHttpResult<TeamJson>, ApiProblem>> CreateAsync(HttpRequest request, TeamAdministration teams, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<TeamBody>(request, ct);
        Outcome<TeamChange> change = !body.Succeeded ? body.Refusal
            : body.Value.Name is null ? Refusal.Invalid("A team needs a name.")
            : new TeamChange(body.Value.Name, body.Value.RoundRobin ?? false, body.Value.Members ?? []);
        return Respond(change.Succeeded ? await teams.CreateAsync(change.Value, ct) : change.Refusal, StatusCodes.Status201Created);
    }

    /// <summary>What the body leaves out stays as it is.</summary>
    private static async Task<Results<JsonHttpResult<TeamJson>, ApiProblem>> UpdateAsync(
        string team_id, HttpRequest request, TeamAdministration teams, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<TeamBody>(request, ct);
        var current = body.Succeeded ? await teams.GetAsync(team_id, ct) : body.Refusal;
        if (!current.Succeeded)
        {
            return ApiResults.Problem(current.Refusal);
        }

        var asked = body.Value!;
        var change = new TeamChange(asked.Name ?? current.Value.Name, asked.RoundRobin ?? current.Value.RoundRobin, asked.Members ?? current.Value.MemberIds);
        return Respond(await teams.UpdateAsync(team_id, change, ct));
    }

    private static async Task<IResult> DeleteAsync(string team_id, TeamAdministration teams, CancellationToken ct)
    {
        var deleted = await teams.DeleteAsync(team_id, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal);
    }

    private static Results<JsonHttpResult<TeamJson>, ApiProblem> Respond(Outcome<TeamSummary> outcome, int status = StatusCodes.Status200OK) =>
        outcome.Succeeded ? TypedResults.Json(TeamJson.From(outcome.Value), FlowJson.Options, statusCode: status) : ApiResults.Problem(outcome.Refusal);

    /// <summary>A team; <c>crt_assignee</c> is the member round-robin handed the last task to, as in epilot's groups.</summary>
    public sealed record TeamJson(string Id, string Name, bool RoundRobin, IReadOnlyList<string> Members, string? CrtAssignee)
    {
        public static TeamJson From(TeamSummary team) => new(team.Id, team.Name, team.RoundRobin, team.MemberIds, team.LastAssignee);
    }

    /// <summary>What a client sends for a team; the id is the server's.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record TeamBody(string? Name, bool? RoundRobin, IReadOnlyList<string>? Members);

    public sealed record TeamList(IReadOnlyList<TeamJson> Teams);
}
