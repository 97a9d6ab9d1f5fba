using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workflows.Core.Data;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Api;

/// <summary>/health/live says the process answers; /health/ready (and /health) that it can serve: database up, schema migrated.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_ready_and_health_answer_200_on_a_migrated_database()
    {
        await using var app = new WorkflowsAppFactory();
        using var client = app.CreateClient();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal((path, HttpStatusCode.OK), (path, response.StatusCode));
        }
    }

    [Fact]
    public async Task Ready_answers_503_while_a_migration_is_pending_and_200_once_it_is_applied()
    {
        await using var app = new WorkflowsAppFactory();
        app.Settings["Database:MigrateOnStart"] = "false";
        app.Settings["Seed:Demo"] = "false";
        await using (var db = app.Database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        }

        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/live"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/health/ready"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/health"));

        await using (var db = await app.Database.CreateMigratedContextAsync())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/ready"));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode;
    }
}
