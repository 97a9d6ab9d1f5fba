using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Storage;

/// <summary>
/// An execution's task rows and assignee links as its last save wrote them, derived from its document before a command
/// (every save writes the rows of the tasks it changed, so the document says what they hold). A change attaches the
/// rows it touches with these values instead of reading them back, and the change tracker writes only the columns that
/// differ. Take it before the engine changes the execution in place (ADR-005).
/// </summary>
internal sealed class StoredTaskRows
{
    private readonly string executionId;
    private readonly Dictionary<string, (TaskRow Row, List<string> Assignees)> rows;

    private StoredTaskRows(string executionId, Dictionary<string, (TaskRow, List<string>)> rows)
    {
        this.executionId = executionId;
        this.rows = rows;
    }

    /// <summary>
    /// The rows of every task of <paramref name="execution"/> as it is now; <paramref name="now"/> must be the instant
    /// the change writes with (a row's "last change" is only written when another column changes).
    /// </summary>
    public static StoredTaskRows Of(FlowExecution execution, EntityRecord? primary, TimeZoneInfo zone, DateTimeOffset now)
    {
        var current = execution.CrtTasks.Select(t => t.Id).ToHashSet();
        var workflowRuns = execution.Status == WorkflowStatus.STARTED && !execution.Deleted;
        var rows = new Dictionary<string, (TaskRow, List<string>)>(execution.Tasks.Count, StringComparer.Ordinal);
        foreach (var task in execution.Tasks)
        {
            var row = new TaskRow { ExecutionId = execution.Id, TaskId = task.Id, Name = "", TaskType = "", Status = "", WorkflowName = "", EntityId = "" };
            rows[task.Id] = (row, TaskRows.Fill(row, task, execution, current, workflowRuns, primary, zone, now));
        }

        return new StoredTaskRows(execution.Id, rows);
    }

    /// <summary>
    /// The stored row and links of a task, tracked by <paramref name="db"/> as unchanged: the instances it already
    /// tracks (an earlier change in the same unit of work), else these values attached. Null for a task the document
    /// did not have.
    /// </summary>
    public StoredTask? Find(WorkflowsDbContext db, string taskId)
    {
        if (!rows.TryGetValue(taskId, out var stored))
        {
            return null;
        }

        var (row, assignees) = stored;
        var links = assignees.ConvertAll(a => Tracked(
            db, new TaskAssigneeRow { AssigneeId = a, ExecutionId = executionId, TaskId = taskId, IsOpen = row.IsOpen, DueAt = row.DueAt, FollowUpOn = row.FollowUpOn },
            [executionId, taskId, a]));
        return new StoredTask(Tracked(db, row, [executionId, taskId]), links);
    }

    private static T Tracked<T>(WorkflowsDbContext db, T entity, object[] key)
        where T : class
    {
        // Keys never change, so the identity map answers without DetectChanges (which DbSet.Local would run each time).
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (db.Set<T>().Local.FindEntryUntyped(key) is { } entry)
            {
                return entry.Entity;
            }

            db.Set<T>().Attach(entity);
            return entity;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}

/// <summary>A task's row and assignee links as stored, tracked by the unit of work that changes them.</summary>
internal sealed record StoredTask(TaskRow Row, List<TaskAssigneeRow> Links);
