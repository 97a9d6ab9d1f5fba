using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workflows.Core.Data;

/// <summary>
/// Keeps SQLite's query-planner statistics fresh, so its choice among the task list's indexes that start alike
/// (<c>IsOpen</c>, …) follows the data (ADR-024): <c>PRAGMA optimize</c> after the migrations at every start
/// (<see cref="DatabaseSetup.MigrateAsync"/>) and then every <see cref="Interval"/>. The mask 0x10002 looks at every
/// table, not only those this connection has queried, and analyzes those never analyzed or grown or shrunk a lot
/// since, within SQLite's own row limit per index, so a run takes milliseconds. PostgreSQL needs nothing of this:
/// autovacuum analyzes changed tables itself.
/// </summary>
internal sealed class SqliteStatistics(IDbContextFactory<WorkflowsDbContext> factory, TimeProvider clock, ILogger<SqliteStatistics> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public static async Task OptimizeAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var db = await factory.CreateDbContextAsync(stoppingToken);
                    await OptimizeAsync(db, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // Stale statistics make some lists slower, never wrong; the next tick tries again.
                    logger.LogWarning(error, "PRAGMA optimize failed.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
