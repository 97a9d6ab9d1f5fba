using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;

namespace Workflows.Web.Hosting;

/// <summary>
/// <c>dotnet Workflows.Web.dll migrate</c> (or <c>dotnet run --project Workflows.Web -- migrate</c>): applies the
/// configured database's pending migrations, after the PostgreSQL baseline where it applies, and exits instead of
/// serving. For deployments that migrate once and start their instances with <c>Database:MigrateOnStart=false</c>.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public const string Usage = "dotnet Workflows.Web.dll migrate";

    /// <summary>Runs the command when <paramref name="args"/> ask for it; false means "serve as usual".</summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != Name)
        {
            return false;
        }

        app.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var stopping = app.Lifetime.ApplicationStopping;
        if (await SchemaBaseline.ApplyAsync(db, stopping))
        {
            app.Logger.LogWarning("The database was created without migrations; recorded {Migration} as its baseline.", db.Database.GetMigrations().First());
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(stopping)).ToList();
        await DatabaseSetup.MigrateAsync(db, stopping);
        app.Logger.LogWarning("Applied {Count} migration(s): {Migrations}.", pending.Count, pending.Count == 0 ? "none, the database is up to date" : string.Join(", ", pending));
        return true;
    }
}
