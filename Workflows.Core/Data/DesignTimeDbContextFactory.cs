using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflows.Core.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without the web host, for SQLite by default or for the
/// provider named after <c>--</c>: <c>dotnet ef migrations add Name -- --provider Postgres</c> (see ADR-018 for the
/// output folder each provider's migrations go to).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkflowsDbContext>
{
    public WorkflowsDbContext CreateDbContext(string[] args)
    {
        var at = Array.IndexOf(args, "--provider");
        var provider = at >= 0 && at + 1 < args.Length ? args[at + 1] : "Sqlite";
        var connectionString = provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)
            ? "Data Source=design-time.db"
            : "Host=localhost;Database=workflows_design_time";
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        return new WorkflowsDbContext(options.Options);
    }
}
