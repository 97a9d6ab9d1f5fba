using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Workflows.Core.Flows.Executions;

/// <summary>The reading side: one execution, a record's executions, their history; none of these change anything.</summary>
public sealed partial class FlowExecutionService
{
    public async Task<FlowExecution?> GetAsync(string executionId, CancellationToken cancellationToken, bool includeDeleted = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.FlowExecutions.AsNoTracking()
            .Where(e => e.Id == executionId && (includeDeleted || !e.Deleted))
            .Select(e => e.Document)
            .SingleOrDefaultAsync(cancellationToken);
        return document is null ? null : Deserialize(document);
    }

    /// <summary>Every workflow on a record: running first, then done and closed, newest first within each.</summary>
    public async Task<IReadOnlyList<FlowExecution>> ListForEntityAsync(string entityId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = await db.FlowExecutions.AsNoTracking()
            .Where(e => e.PrimaryEntityId == entityId && !e.Deleted)
            .OrderBy(e => e.Status == nameof(WorkflowStatus.STARTED) ? 0 : 1)
            .ThenByDescending(e => e.CreatedAt)
            .Select(e => e.Document)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(Deserialize)];
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string executionId, CancellationToken cancellationToken) =>
        HistoryAsync([executionId], cancellationToken);

    /// <summary>The events of several executions (a record's workflows), newest first, in one query.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(IReadOnlyCollection<string> executionIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FlowEvents.AsNoTracking()
            .Where(e => executionIds.Contains(e.ExecutionId))
            .OrderByDescending(e => e.Id)
            .Select(e => new HistoryEntry(e.ExecutionId, e.Type, e.TaskId, e.PhaseId, e.ActorId, e.ActorName, e.At, e.Summary, e.Detail))
            .ToListAsync(cancellationToken);
    }

    public static FlowExecution Deserialize(string document) =>
        JsonSerializer.Deserialize<FlowExecution>(document, FlowJson.Options)
        ?? throw new InvalidOperationException("A stored execution document is empty.");
}
