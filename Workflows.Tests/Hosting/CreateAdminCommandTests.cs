using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Hosting;

/// <summary>
/// <c>create-admin</c> run as the real app's child process on a database of its own (SQLite, or PostgreSQL under
/// <c>./test.sh --postgres</c>; no demo data): it migrates the database, creates the administrator, is harmless when run
/// again, refuses weak passwords, and the person it created signs in through the login form of the real server.
/// </summary>
public sealed class CreateAdminCommandTests : IDisposable
{
    private const string Email = "first.admin@example.com";
    private const string StrongPassword = "Str0ng!Passw0rd";

    private static readonly Dictionary<string, string?> NoDemo = new() { ["Seed:Demo"] = "false", ["Jobs:RunWorker"] = "false" };

    private readonly TempDatabase database = new();

    [Fact]
    public async Task Creates_an_admin_who_can_sign_in_and_a_second_run_changes_nothing()
    {
        var created = await CreateAdminAsync(StrongPassword, "--email", Email, "--name", "Ada Lovelace");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"Created the administrator {Email}", created.Output, StringComparison.Ordinal);

        var again = await CreateAdminAsync("An0ther!Password", "--email", Email, "--name", "Ada Lovelace");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("is already an administrator", again.Output, StringComparison.Ordinal);
        Assert.Contains("password was not changed", again.Output, StringComparison.Ordinal);

        await using var app = await AppProcess.StartAsync(database, NoDemo);
        Assert.NotNull(await FormSignIn.TryAsync(app.Address, Email, StrongPassword));
        Assert.Null(await FormSignIn.TryAsync(app.Address, Email, "An0ther!Password"));
    }

    [Fact]
    public async Task Reset_password_takes_the_password_from_WORKFLOWS_ADMIN_PASSWORD()
    {
        Assert.Equal(0, (await CreateAdminAsync(StrongPassword, "--email", Email, "--name", "Ada Lovelace")).ExitCode);

        var settings = new Dictionary<string, string?>(NoDemo) { ["WORKFLOWS_ADMIN_PASSWORD"] = "N3w!Password" };
        var reset = await AppCommand.RunAsync(database, settings, input: null, "create-admin", "--email", Email, "--reset-password");
        Assert.True(reset.ExitCode == 0, reset.ToString());
        Assert.Contains("The password was reset", reset.Output, StringComparison.Ordinal);

        await using var app = await AppProcess.StartAsync(database, NoDemo);
        Assert.NotNull(await FormSignIn.TryAsync(app.Address, Email, "N3w!Password"));
        Assert.Null(await FormSignIn.TryAsync(app.Address, Email, StrongPassword));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_password_rules_and_exit_code_1()
    {
        var refused = await CreateAdminAsync("weak", "--email", Email, "--name", "Ada Lovelace");

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("Passwords must be at least 8 characters", refused.Error, StringComparison.Ordinal);
        var retried = await CreateAdminAsync(StrongPassword, "--email", Email, "--name", "Ada Lovelace");
        Assert.Contains("Created the administrator", retried.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Give the administrator's e-mail with --email", "create-admin", "--name", "Ada")]
    [InlineData("is not a valid e-mail address", "create-admin", "--email", "not-an-address", "--name", "Ada")]
    [InlineData("give the new administrator's name", "create-admin", "--email", Email)]
    [InlineData("Unknown option --emial", "create-admin", "--emial", Email)]
    public async Task A_wrong_call_exits_1_saying_what_is_missing(string message, params string[] args)
    {
        var result = await AppCommand.RunAsync(database, NoDemo, StrongPassword, args);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => database.Dispose();

    private Task<CommandResult> CreateAdminAsync(string password, params string[] args) =>
        AppCommand.RunAsync(database, NoDemo, password, ["create-admin", .. args]);
}
