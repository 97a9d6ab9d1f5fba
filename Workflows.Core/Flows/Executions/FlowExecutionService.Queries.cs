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

    /// <summary>
    /// What each of <paramref name="tasks"/> waits for (its unfinished required tasks and phases, by name, as the engine's
    /// "waits for" refusal says), read from their workflows in one query; tasks that wait for nothing are left out. For
    /// a page of locked tasks, where the task rows know only that a task is locked.
    /// </summary>
    public async Task<IReadOnlyDictionary<(string ExecutionId, string TaskId), IReadOnlyList<string>>> WaitsForAsync(
        IReadOnlyCollection<(string ExecutionId, string TaskId)> tasks, CancellationToken cancellationToken)
    {
        if (tasks.Count == 0)
        {
            return new Dictionary<(string, string), IReadOnlyList<string>>();
        }

        var ids = tasks.Select(t => t.ExecutionId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = await db.FlowExecutions.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Document).ToListAsync(cancellationToken);
        var executions = documents.Select(Deserialize).ToDictionary(e => e.Id);
        var waits = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var task in tasks)
        {
            if (executions.TryGetValue(task.ExecutionId, out var execution) && Engine.FlowEngine.WaitsFor(execution, task.TaskId) is { Count: > 0 } names)
            {
                waits[task] = names;
            }
        }

        return waits;
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
            .Select(e => new HistoryEntry(e.ExecutionId, e.Type, e.TaskId, e.PhaseId, e.ActorId, e.ActorName, e.At, e.Summary, e.Detail, e.Line))
            .ToListAsync(cancellationToken);
    }

    public static FlowExecution Deserialize(string document) =>
        JsonSerializer.Deserialize<FlowExecution>(document, FlowJson.Options)
        ?? throw new InvalidOperationException("A stored execution document is empty.");
}
