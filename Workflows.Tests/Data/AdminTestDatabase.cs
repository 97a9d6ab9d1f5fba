using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Data;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary>
/// A fresh database (<see cref="TempDatabase"/>) with the real schema and roles, and the administration services on it, wired as the app
/// wires them. Deleted again on dispose.
/// </summary>
public sealed class AdminTestDatabase : IAsyncDisposable
{
    private readonly TempDatabase database = new();
    private readonly ServiceProvider provider;
    private readonly AsyncServiceScope scope;

    private AdminTestDatabase()
    {
        var services = new ServiceCollection();
        AddAdministration(services, database.Provider, database.ConnectionString);
        provider = services.BuildServiceProvider(validateScopes: true);
        scope = provider.CreateAsyncScope();
    }

    public string Provider => database.Provider;

    public string ConnectionString => database.ConnectionString;

    public UserAdministration Users => scope.ServiceProvider.GetRequiredService<UserAdministration>();

    public PartnerAdministration Partners => scope.ServiceProvider.GetRequiredService<PartnerAdministration>();

    public ClosingReasonCatalogue ClosingReasons => scope.ServiceProvider.GetRequiredService<ClosingReasonCatalogue>();

    public static async Task<AdminTestDatabase> CreateAsync()
    {
        var database = new AdminTestDatabase();
        await using var setup = database.provider.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(setup.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        var roles = setup.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        return database;
    }

    /// <summary>The services the admin page needs, with Identity's options as the app sets them.</summary>
    public static void AddAdministration(IServiceCollection services, string provider, string connectionString)
    {
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<WorkflowsDbContext>(options => DatabaseSetup.Configure(options, provider, connectionString));
        services.AddDbContext<WorkflowsDbContext>(
            options => DatabaseSetup.Configure(options, provider, connectionString), optionsLifetime: ServiceLifetime.Singleton);
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkflowsDbContext>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PartnerAdministration>();
        services.AddScoped<ClosingReasonCatalogue>();
    }

    public const string Password = "Start!2026";

    /// <summary>Creates a user through the service and returns their id.</summary>
    public async Task<string> AddUserAsync(string displayName, string email, string role, string? partnerId = null)
    {
        var outcome = await Users.CreateUserAsync(
            new NewUser { DisplayName = displayName, Email = email, Password = Password, Roles = [role], PartnerId = partnerId },
            CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value.Id;
    }

    public async Task<string> AddPartnerAsync(string name, string? email = null)
    {
        var outcome = await Partners.CreateAsync(name, email, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error);
        return outcome.Value.Id;
    }

    /// <summary>Runs <paramref name="action"/> with Identity's own user manager, to check what the services did.</summary>
    public async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var own = provider.CreateAsyncScope();
        return await action(own.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    public async Task<T> WithDbAsync<T>(Func<WorkflowsDbContext, Task<T>> query)
    {
        await using var own = provider.CreateAsyncScope();
        return await query(own.ServiceProvider.GetRequiredService<WorkflowsDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await provider.DisposeAsync();
        database.Dispose();
    }
}
