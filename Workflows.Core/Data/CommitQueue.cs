using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Telemetry;

namespace Workflows.Core.Data;

/// <summary>
/// Group commit for the workflow engine on SQLite. SQLite has one writer at a time; when several requests save at
/// once, all but one used to sleep in SQLite's busy handler and each paid its own transaction and a cold page cache.
/// Here every workflow change is staged by its caller as before (reads and the engine run in parallel, on the caller's
/// own connection), then handed to one writer that saves the changes waiting at that moment on its own connection in
/// one transaction, each change under its own savepoint: a change that fails (a stale version) is rolled back alone
/// and the others commit. A caller's task completes only once its change is committed. Other providers save directly.
/// See ADR-013.
/// </summary>
public sealed class CommitQueue(IDbContextFactory<WorkflowsDbContext> dbFactory, WorkflowsMetrics metrics) : IAsyncDisposable
{
    /// <summary>Changes saved in one transaction at most, so one commit never holds the write lock for long.</summary>
    private const int MaxBatch = 32;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock startLock = new();
    private Task? writer;

    /// <summary>
    /// Saves what <paramref name="db"/> tracks, committed together with other changes waiting at the same time. The
    /// exceptions are SaveChanges' own (a <see cref="DbUpdateConcurrencyException"/> for a stale version). Once queued, a
    /// change is committed even if <paramref name="cancellationToken"/> fires meanwhile, so a caller never guesses.
    /// </summary>
    public Task SaveAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return db.SaveChangesAsync(cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(db);
        EnsureWriter();
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);

        return pending.Done.Task;
    }

    /// <summary>Whether the writer runs: once a change was saved on SQLite, never on other providers.</summary>
    internal bool WriterStarted => writer is not null;

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer is not null)
        {
            await writer;
        }
    }

    private void EnsureWriter()
    {
        if (writer is not null)
        {
            return;
        }

        lock (startLock)
        {
            writer ??= Task.Run(WriteAsync);
        }
    }

    private async Task WriteAsync()
    {
        // The writer's own connection: only it writes workflow changes, so its page cache stays warm between commits.
        await using var own = await dbFactory.CreateDbContextAsync();
        await own.Database.OpenConnectionAsync();
        var connection = own.Database.GetDbConnection();
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            metrics.CommitBatch(batch.Count);
            try
            {
                await CommitAsync(connection, batch);
            }
            catch (Exception e)
            {
                // The writer outlives any one batch (a caller left waiting would wait forever); changes already refused
                // keep their own error.
                batch.ForEach(p => p.Fail(e));
            }
        }
    }

    /// <summary>
    /// Saves the batch in one transaction. A change whose save fails keeps its own error, and hears it only once the
    /// transaction has ended: a caller that tries again after losing a race then reads the change that beat it. If the
    /// transaction itself fails (begin or commit), the caller's catch fails every change with the transaction's error.
    /// </summary>
    private static async Task CommitAsync(DbConnection connection, List<Pending> batch)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var pending in batch)
        {
            try
            {
                var database = pending.Db.Database;
                await database.CloseConnectionAsync();
                database.SetDbConnection(connection, contextOwnsConnection: false);
                await database.UseTransactionAsync(transaction);
                // Inside a transaction it did not begin, SaveChanges saves under a savepoint and rolls back to it when
                // it fails, so a refused change leaves the others in this batch intact.
                await pending.Db.SaveChangesAsync();
                await database.UseTransactionAsync(null);
            }
            catch (Exception e)
            {
                pending.Refused = e;
            }
        }

        await transaction.CommitAsync();
        batch.ForEach(p => p.Answer());
    }

    private sealed class Pending(WorkflowsDbContext db)
    {
        public WorkflowsDbContext Db { get; } = db;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Why this change's own save failed, if it did; the others in the batch were saved without it.</summary>
        public Exception? Refused { get; set; }

        public void Answer()
        {
            if (Refused is null)
            {
                Done.TrySetResult();
            }
            else
            {
                Done.TrySetException(Refused);
            }
        }

        public void Fail(Exception transactionError) => Done.TrySetException(Refused ?? transactionError);
    }
}
