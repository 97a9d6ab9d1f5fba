using Microsoft.AspNetCore.Identity;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Hosting;

/// <summary>
/// <c>Bootstrap:AdminEmail</c>, <c>AdminName</c>, <c>AdminPassword</c> create the first administrator at start, once:
/// with an administrator in place they change nothing, even when they name someone else.
/// </summary>
public sealed class BootstrapAdminTests : IDisposable
{
    private readonly TempDatabase database = new();

    [Fact]
    public async Task The_bootstrap_settings_create_the_admin_once()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Seed:Demo"] = "false",
            ["Jobs:RunWorker"] = "false",
            ["Bootstrap:AdminEmail"] = "ops@example.com",
            ["Bootstrap:AdminName"] = "Ops Admin",
            ["Bootstrap:AdminPassword"] = "B00tstrap!Secret",
        };
        await using (var first = await AppProcess.StartAsync(database, settings))
        {
            Assert.NotNull(await FormSignIn.TryAsync(first.Address, "ops@example.com", "B00tstrap!Secret"));
        }

        settings["Bootstrap:AdminEmail"] = "second@example.com";
        settings["Bootstrap:AdminPassword"] = "An0ther!Secret";
        await using var second = await AppProcess.StartAsync(database, settings);
        Assert.Null(await FormSignIn.TryAsync(second.Address, "second@example.com", "An0ther!Secret"));
        Assert.Contains(second.Lines, line => line.Contains("the administrator ops@example.com exists", StringComparison.Ordinal));
    }

    [Fact]
    public void A_weak_bootstrap_password_stops_the_start_with_the_password_rules()
    {
        using var app = new WorkflowsAppFactory();
        app.Settings["Seed:Demo"] = "false";
        app.Settings["Jobs:RunWorker"] = "false";
        app.Settings["Bootstrap:AdminEmail"] = "ops@example.com";
        app.Settings["Bootstrap:AdminName"] = "Ops Admin";
        app.Settings["Bootstrap:AdminPassword"] = "weak";

        var failure = Record.Exception(() => app.CreateClient().Dispose());

        Assert.NotNull(failure);
        var message = failure.GetBaseException().Message;
        Assert.Contains("Bootstrap:AdminEmail ops@example.com could not be created", message, StringComparison.Ordinal);
        Assert.Contains("Passwords must be at least 8 characters", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_promotes_an_existing_user_and_keeps_their_password()
    {
        await using var services = CoreServices.Build(database);
        await using (var scope = services.CreateAsyncScope())
        {
            await Workflows.Core.Data.DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<Workflows.Core.Data.WorkflowsDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Workflows.Core.Demo.DemoSeeder>().EnsureRolesAsync(CancellationToken.None);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = "case@example.com", Email = "case@example.com", DisplayName = "Case Worker" };
            Assert.True((await users.CreateAsync(user, "Case!W0rker")).Succeeded);
            await users.AddToRoleAsync(user, Roles.CaseWorker);
        }

        var firstAdmin = services.GetRequiredService<FirstAdmin>();
        var asked = false;
        var promoted = await firstAdmin.EnsureAsync("case@example.com", null, () => { asked = true; return "ignored"; }, resetPassword: false, CancellationToken.None);

        Assert.True(promoted.Succeeded, promoted.Error);
        Assert.Equal(AdminChange.Promoted, promoted.Value.Change);
        Assert.False(asked);
        await using var check = services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = await manager.FindByEmailAsync("case@example.com");
        Assert.True(await manager.IsInRoleAsync(stored!, Roles.Admin));
        Assert.True(await manager.CheckPasswordAsync(stored!, "Case!W0rker"));
    }

    public void Dispose() => database.Dispose();

}
