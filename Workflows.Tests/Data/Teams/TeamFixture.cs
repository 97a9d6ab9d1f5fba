using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Teams;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Teams;

/// <summary>The demo data on a real database, with helpers to make a team and start workflows whose tasks go to it.</summary>
public sealed class TeamFixture : IAsyncDisposable
{
    public static readonly Actor Lena = new("lena", "Lena Schmidt");

    private readonly TempDatabase database;

    private TeamFixture(TempDatabase database, ServiceProvider services)
    {
        this.database = database;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public TeamAdministration Teams => Services.GetRequiredService<TeamAdministration>();

    public FlowExecutionService Executions => Services.GetRequiredService<FlowExecutionService>();

    public static async Task<TeamFixture> StartAsync()
    {
        var database = new TempDatabase();
        return new TeamFixture(database, await CoreServices.BuildSeededAsync(database));
    }

    public async Task<string> UserIdAsync(string email)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public async Task<string> TeamAsync(string name, bool roundRobin, params string[] emails)
    {
        var members = new List<string>();
        foreach (var email in emails)
        {
            members.Add(await UserIdAsync(email));
        }

        var created = await Teams.CreateAsync(new TeamChange(name, roundRobin, members), CancellationToken.None);
        Assert.True(created.Succeeded, created.Error);
        return created.Value.Id;
    }

    /// <summary>A template whose first task goes to <paramref name="teamId"/> and whose second, reached later, too.</summary>
    public async Task<string> TemplateForAsync(string teamId)
    {
        var template = ATemplate("Team work")
            .WithTask("visit", "Visit the site").AssignedTo(Assignee.Of(teamId))
            .WithTask("report", "Write the report").AssignedTo(Assignee.Of(teamId))
            .Chain("visit", "report")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
            })
            .Build();
        var saved = await Services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, Lena, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        return saved.Value!.Id!;
    }

    public async Task<FlowExecution> StartAsync(string templateId)
    {
        var started = await Executions.StartAsync(templateId, [new EntityRef { EntityId = "opportunity-002" }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        return started.Value;
    }

    /// <summary>A signed-in user as the app makes them: their id, role and the claims of their teams.</summary>
    public async Task<ClaimsPrincipal> SignedAsync(string userId, string role)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Role, role)];
        claims.AddRange((await Teams.TeamIdsOfAsync(userId, CancellationToken.None)).Select(id => new Claim(UserClaims.TeamId, id)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        database.Dispose();
    }
}
