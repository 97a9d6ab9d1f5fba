using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workflows.Core.Data;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>What of a token stays in clear: a few characters that tell tokens apart, never enough to help guess one.</summary>
public sealed class ApiTokenPrefixTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private static async Task<string> AddUserAsync(WorkflowsDbContext db)
    {
        var user = new ApplicationUser { UserName = "ops@workflows.test", Email = "ops@workflows.test", DisplayName = "Ops" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    [Fact]
    public async Task A_generated_token_keeps_only_wf_and_four_random_characters_in_clear()
    {
        await using var services = CoreServices.Build(database);
        await using var db = await database.CreateMigratedContextAsync();
        var userId = await AddUserAsync(db);

        var created = await services.GetRequiredService<ApiTokenService>().CreateAsync(userId, "CRM sync", null, CancellationToken.None);

        Assert.True(created.Succeeded, created.Error);
        var (info, token) = created.Value;
        Assert.Equal(token[..7], info.Prefix);
        Assert.Equal(token[..7], (await db.ApiTokens.AsNoTracking().SingleAsync()).Prefix);
    }

    [Fact]
    public async Task The_bootstrap_token_keeps_none_of_its_characters_in_clear()
    {
        await using var services = CoreServices.Build(database);
        await using var db = await database.CreateMigratedContextAsync();
        var userId = await AddUserAsync(db);

        await services.GetRequiredService<ApiTokenService>().EnsureAsync(userId, "Bootstrap token (Api:BootstrapToken)", "wf_0123456789abcdefgh", CancellationToken.None);

        var stored = await db.ApiTokens.AsNoTracking().SingleAsync();
        Assert.Equal("bootstrap", stored.Prefix);
        Assert.True((await services.GetRequiredService<ApiTokenService>().ResolveAsync("wf_0123456789abcdefgh", CancellationToken.None)) is not null);
    }

    [SqliteFact("the prefixes were cut by a migration of SQLite's; PostgreSQL's migrations began after it")]
    public async Task Upgrading_cuts_every_stored_prefix_to_the_safe_one()
    {
        await using (var old = database.CreateContext())
        {
            await old.GetService<IMigrator>().MigrateAsync("20261126214154_TaskTextIndex");
            // The user row as that schema had it: today's model has columns (Absent) the old table lacks.
            const string userId = "ops-user";
            await old.Database.ExecuteSqlAsync(
                $"""INSERT INTO "AspNetUsers" ("Id", "DisplayName", "UserName", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount") VALUES ({userId}, 'Ops', 'ops@workflows.test', FALSE, FALSE, FALSE, FALSE, 0)""");
            foreach (var (name, prefix) in new[] { ("CRM sync", "wf_AbCdEfG"), ("Bootstrap token (Api:BootstrapToken)", "0123456789"), ("Script", "my-own-tok") })
            {
                old.ApiTokens.Add(new ApiToken { Id = name, UserId = userId, Name = name, Prefix = prefix, Hash = name, CreatedAt = DateTimeOffset.UtcNow });
            }

            await old.SaveChangesAsync();
        }

        await using var db = await database.CreateMigratedContextAsync();

        var prefixes = await db.ApiTokens.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Prefix);
        Assert.Equal("wf_AbCd", prefixes["CRM sync"]);
        Assert.Equal("bootstrap", prefixes["Bootstrap token (Api:BootstrapToken)"]);
        Assert.Equal("bootstrap", prefixes["Script"]);
    }
}
