using System.Globalization;
using Workflows.Core.Demo;
using Workflows.Core.Demo.Bulk;

namespace Workflows.Web.Hosting;

/// <summary>
/// <c>dotnet run --project Workflows.Web -- seed-bulk [--tasks 1000000] [--users 1000] [--partners 10] [--templates 20]</c>:
/// fills the configured database with realistic volume (see <see cref="BulkSeeder"/>) and exits instead of serving.
/// </summary>
public static class BulkSeedCommand
{
    public const string Name = "seed-bulk";

    /// <summary>Runs the command when <paramref name="args"/> ask for it; false means "serve as usual".</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return false;
        }

        var defaults = new BulkSeedOptions();
        var options = new BulkSeedOptions
        {
            Tasks = Number(args, "--tasks", defaults.Tasks),
            Users = Number(args, "--users", defaults.Users),
            Partners = Number(args, "--partners", defaults.Partners),
            Templates = Number(args, "--templates", defaults.Templates),
        };
        app.Logger.LogWarning("Seeding {Tasks:N0} tasks over {Workflows:N0} workflows for {Users:N0} users…", options.Tasks, options.Workflows, options.Users);
        var seeder = app.Services.GetRequiredService<BulkSeeder>();
        var result = await seeder.SeedAsync(options, new Progress<string>(line => app.Logger.LogWarning("{Progress}", line)), app.Lifetime.ApplicationStopping);
        app.Logger.LogWarning(
            "Done in {Seconds:0} s: {Tasks:N0} tasks, {Workflows:N0} workflows. Sign in as user0001@bulk.workflows.demo … user{Last:0000}@bulk.workflows.demo (every 50th is a Manager) or partner01.user@bulk.workflows.demo, password {Password}.",
            result.Elapsed.TotalSeconds, result.Tasks, result.Workflows, options.Users, DemoSeeder.DemoPassword);
        return true;
    }

    private static int Number(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }
}
