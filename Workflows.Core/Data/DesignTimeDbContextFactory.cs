using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflows.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkflowsDbContext>
{
    public WorkflowsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        DatabaseSetup.Configure(options, "Sqlite", "Data Source=design-time.db");
        return new WorkflowsDbContext(options.Options);
    }
}
