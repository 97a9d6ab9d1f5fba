using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflows.Core.Data;

namespace Workflows.Web.Hosting;

/// <summary>
/// Ready when the database answers a query and has every migration this version knows applied: an instance started
/// with <c>Database:MigrateOnStart=false</c> on a database not yet migrated is up (live) but must not get traffic.
/// </summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<WorkflowsDbContext> dbFactory) : IHealthCheck
{
    public const string Ready = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("database does not answer");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy("database answers, schema up to date")
                : HealthCheckResult.Unhealthy($"database waits for {pending.Count} migration(s): {string.Join(", ", pending)}; run the migrate command");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database check failed", exception);
        }
    }
}
