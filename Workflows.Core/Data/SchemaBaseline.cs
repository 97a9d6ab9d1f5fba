using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Workflows.Core.Data;

/// <summary>
/// Before PostgreSQL had migrations, start-up created its schema from the model (<c>EnsureCreated</c>, ADR-008): such
/// a database has our tables but no migration in its <c>__ef_migrations</c> history (no table, or an empty one), and
/// migrating it would try to create every table again. Its schema is the one PostgreSQL's first migration creates, so
/// the baseline records that migration as applied; later migrations then apply as on any other database (ADR-018).
/// </summary>
public static class SchemaBaseline
{
    /// <summary>A table every schema of ours holds since the first migration.</summary>
    private const string MarkerTable = "flow_executions";

    /// <summary>Records the first migration as applied when the database was made by EnsureCreated; true when it did.</summary>
    public static async Task<bool> ApplyAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return false;
        }

        var history = db.GetService<IHistoryRepository>();
        if (await RecordedAsync(db, cancellationToken))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two instances starting together: the second waits here, then finds the history the first wrote.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7180018)", cancellationToken);
        var ours = await db.Database.SqlQuery<int>(
                $"SELECT 1 AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {MarkerTable}")
            .AnyAsync(cancellationToken);
        if (!ours || await RecordedAsync(db, cancellationToken))
        {
            return false;
        }

        var first = db.Database.GetMigrations().First();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Whether the history lists any migration (EnsureCreated may leave it missing or empty). Asked with plain queries:
    /// the history repository's own read of a missing table fails inside the baseline's transaction.
    /// </summary>
    private static async Task<bool> RecordedAsync(WorkflowsDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<int>(
                $"SELECT 1 AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__ef_migrations'")
            .AnyAsync(cancellationToken)
        && await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM __ef_migrations").AnyAsync(cancellationToken);
}
