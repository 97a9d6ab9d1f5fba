using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;

namespace Workflows.Core.Demo.Bulk;

/// <summary>
/// Appends many rows quickly, committing in batches. On SQLite it is <see cref="SqliteBulkWriter"/> (prepared raw
/// inserts); on any other provider EF Core itself with change detection off, which is slower but needs no SQL.
/// </summary>
internal abstract class BulkWriter : IAsyncDisposable
{
    public static async Task<BulkWriter> OpenAsync(WorkflowsDbContext db, CancellationToken cancellationToken) =>
        db.Database.IsSqlite() ? await SqliteBulkWriter.OpenSqliteAsync(db, cancellationToken) : new EfBulkWriter(db);

    public abstract void Add<T>(T row) where T : class;

    /// <summary>Makes the rows added so far durable and starts the next batch.</summary>
    public abstract Task CommitAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    private sealed class EfBulkWriter : BulkWriter
    {
        private readonly WorkflowsDbContext db;

        public EfBulkWriter(WorkflowsDbContext db)
        {
            this.db = db;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
        }

        public override void Add<T>(T row) => db.Add(row);

        public override async Task CommitAsync(CancellationToken cancellationToken)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
