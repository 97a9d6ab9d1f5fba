using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Dashboard;

/// <summary>
/// The task board: the task list's filters (<see cref="TaskSearch"/>) split into columns by status or phase, each column
/// counted and paged on its own, so a board over a million tasks reads a count and a few dozen rows per column from the
/// flattened task tables, never execution documents. Moving a card asks the engine, as the sidebar does.
/// </summary>
public sealed class TaskBoard(
    TaskSearch search, IDbContextFactory<WorkflowsDbContext> dbFactory, FlowExecutionService executions, TimeProvider clock)
{
    /// <summary>
    /// The columns of a status board: the open statuses a task is in while its workflow runs, then the finished ones,
    /// each group in the spec's StepStatus order.
    /// </summary>
    public static IReadOnlyList<StepStatus> StatusColumns { get; } =
    [
        StepStatus.IN_PROGRESS, StepStatus.SCHEDULED, StepStatus.PENDING, StepStatus.CONDITION_PENDING, StepStatus.ON_HOLD, StepStatus.FAILED,
        StepStatus.COMPLETED, StepStatus.SKIPPED,
    ];

    /// <summary>The board as it opens: every column with its total and first page.</summary>
    public async Task<TaskBoardPage> LoadAsync(BoardQuery board, CancellationToken cancellationToken)
    {
        var keys = board.GroupBy == BoardGrouping.Status
            ? [.. StatusColumns.Select(s => s.ToString())]
            : await PhaseNamesAsync(board.Tasks, cancellationToken);
        var columns = new List<BoardColumn>(keys.Count);
        foreach (var key in keys)
        {
            columns.Add(await ReadAsync(board, key, 0, cancellationToken));
        }

        return new TaskBoardPage(board.GroupBy, columns);
    }

    /// <summary>One page of one column ("show more"): refused for a key that is no column of this kind of board.</summary>
    public async Task<Outcome<BoardColumn>> ColumnAsync(BoardQuery board, string key, int page, CancellationToken cancellationToken) =>
        ColumnProblem(board.GroupBy, key) is { } problem ? problem : await ReadAsync(board, key.Trim(), Math.Max(0, page), cancellationToken);

    /// <summary>
    /// Moves a task's card to another column: on a status board, the task's status changes through the engine, which
    /// refuses as it does on the sidebar (locked, with what the task waits for; finished; closed workflow). A phase is part
    /// of the workflow's design, so a phase board refuses moves between phases. A confined user (a partner) moves only
    /// their own tasks and is told "not found" about others.
    /// </summary>
    public async Task<Outcome<FlowExecution>> MoveAsync(
        string executionId, string taskId, BoardGrouping groupBy, string fromColumn, string toColumn, Actor actor,
        IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        if (groupBy == BoardGrouping.Phase)
        {
            return string.Equals(fromColumn, toColumn, StringComparison.OrdinalIgnoreCase)
                ? Refusal.Conflict(RefusalText.Of("TaskAlreadyInPhase"))
                : Refusal.Invalid(RefusalText.Of("TaskPhaseFixed"));
        }

        if (ColumnProblem(groupBy, toColumn) is { } problem)
        {
            return problem;
        }

        var status = Enum.Parse<StepStatus>(toColumn.Trim());
        return await executions.ApplyAllAsync(
            executionId, [new SetTaskStatus(taskId, status)], actor, expectedVersion: null, cancellationToken,
            guard: execution => TaskAccess.MayWork(execution, taskId, scope));
    }

    private static Refusal? ColumnProblem(BoardGrouping groupBy, string key) =>
        string.IsNullOrWhiteSpace(key) ? Refusal.Invalid(RefusalText.Of("ColumnNameMissing"))
        : groupBy == BoardGrouping.Status && !StatusColumns.Any(s => s.ToString() == key.Trim())
            ? Refusal.Invalid(RefusalText.Of("StatusColumnUnknown", key.Trim(), string.Join(", ", StatusColumns)))
        : null;

    private async Task<BoardColumn> ReadAsync(BoardQuery board, string key, int page, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(board.ColumnSize, 1, BoardQuery.MaxColumnSize);
        var column = board.GroupBy == BoardGrouping.Status
            ? board.Tasks with { Status = TaskStatusFilter.Exactly, ExactStatus = key }
            : board.Tasks with { PhaseName = key };
        var found = await search.SearchAsync(column with { Page = page, PageSize = size }, cancellationToken);
        return new BoardColumn
        {
            Key = key,
            Total = found.Total,
            TotalIsLowerBound = found.TotalIsLowerBound,
            Page = page,
            Cards = found.Items,
            HasMore = (page + 1) * size < found.Total,
        };
    }

    /// <summary>
    /// The phases of the tasks the filters select, those with most tasks first (same names in any case are one phase,
    /// as the phase filter treats them), at most <see cref="BoardQuery.MaxPhaseColumns"/>. Tasks outside any phase are
    /// on no column of a phase board.
    /// </summary>
    private async Task<List<string>> PhaseNamesAsync(TaskQuery tasks, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counted = await TaskSearch.Matching(db, tasks with { PhaseName = null }, clock.GetUtcNow())
            .Where(t => t.PhaseName != null)
            .GroupBy(t => t.PhaseName!)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. counted
            .GroupBy(p => p.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => (Name: g.OrderByDescending(p => p.Count).First().Name.Trim(), Count: g.Sum(p => p.Count)))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Take(BoardQuery.MaxPhaseColumns)
            .Select(p => p.Name)];
    }
}
