using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Storage;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Dashboard;

/// <summary>
/// The task list behind the dashboard, the partner page and the API's task search. It reads only the flattened
/// task tables: with assignees it starts from <c>flow_task_assignees</c> (index AssigneeId, IsOpen, DueAt), otherwise
/// from <c>flow_tasks</c> (indexes on IsOpen, DueSort and on template, schema, status), never from execution documents.
/// </summary>
public sealed class TaskSearch(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider clock, FlowSettings settings)
{
    /// <summary>Text searches over everyone's tasks count exactly up to this many matches (ADR-011).</summary>
    public const int CountLimit = 1_000;

    /// <summary>
    /// How many rows in due-date order a text search reads per row it returns before it gives up on the order and sorts
    /// the index's matches instead: a word in at least one in forty open tasks.
    /// </summary>
    private const int WalkRowsPerResult = 40;

    public async Task<TaskListPage> SearchAsync(TaskQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        query = query with { Today = settings.Calendar.DayOf(now) };
        var size = Math.Clamp(query.PageSize, 1, TaskQuery.MaxPageSize);
        var page = Math.Max(0, query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);

        int total;
        var totalIsLowerBound = false;
        List<TaskRow> rows;
        if (AnsweredByLinks(query))
        {
            // Everything asked is on the assignee links: count and page them without opening a task row, then read
            // only the rows of the page (a partner organisation has thousands of tasks; a page has fifty).
            var keys = LinkKeys(db, query, now);
            total = await keys.CountAsync(cancellationToken);
            var pageKeys = await SortKeys(keys, query.Sort).Skip(page * size).Take(size).ToListAsync(cancellationToken);
            var executionIds = pageKeys.Select(k => k.ExecutionId).Distinct().ToList();
            var fetched = (await db.FlowTasks.AsNoTracking().Where(t => executionIds.Contains(t.ExecutionId)).ToListAsync(cancellationToken))
                .ToDictionary(t => (t.ExecutionId, t.TaskId));
            rows = [.. pageKeys.Select(k => fetched.GetValueOrDefault((k.ExecutionId, k.TaskId))).OfType<TaskRow>()];
        }
        else if (IndexedTerm(query) is { } term)
        {
            (total, totalIsLowerBound, rows) = await SearchTextAsync(db, query, term, now, page, size, cancellationToken);
        }
        else
        {
            var tasks = Filter(Start(db, query, now), query, now);
            total = await tasks.CountAsync(cancellationToken);
            rows = await Sort(tasks, query.Sort).Skip(page * size).Take(size).ToListAsync(cancellationToken);
        }

        var pageExecutions = rows.Select(r => r.ExecutionId).Distinct().ToList();
        var links = await db.FlowTaskAssignees.AsNoTracking()
            .Where(a => pageExecutions.Contains(a.ExecutionId))
            .Select(a => new { a.ExecutionId, a.TaskId, a.AssigneeId })
            .ToListAsync(cancellationToken);
        var assignees = links.ToLookup(a => (a.ExecutionId, a.TaskId), a => a.AssigneeId);
        var items = rows.ConvertAll(r => new TaskListItem
        {
            ExecutionId = r.ExecutionId,
            TaskId = r.TaskId,
            Name = r.Name,
            TaskType = r.TaskType,
            Status = r.Status,
            IsOpen = r.IsOpen,
            Enabled = r.Enabled,
            IsCurrent = r.IsCurrent,
            Overdue = r.IsOpen && r.DueAt < now,
            PhaseId = r.PhaseId,
            PhaseName = r.PhaseName,
            DueAt = r.DueAt,
            DueText = r.DueText,
            DueRule = r.DueRule,
            AssignedTo = [.. assignees[(r.ExecutionId, r.TaskId)].Order(StringComparer.Ordinal)],
            TemplateId = r.TemplateId,
            WorkflowName = r.WorkflowName,
            EntityId = r.EntityId,
            EntitySchema = r.EntitySchema,
            EntityTitle = r.EntityTitle,
            HasJourney = r.HasJourney,
            HasAutomation = r.HasAutomation,
            UpdatedAt = r.UpdatedAt,
            FinishedAt = r.FinishedAt,
            Priority = r.Priority,
            FollowUpOn = r.FollowUpOn,
        });
        return new TaskListPage(total, page, size, items) { TotalIsLowerBound = totalIsLowerBound };
    }

    /// <summary>
    /// The dashboard's cards for the tasks <paramref name="scope"/> selects (its assignees and filters; status, due and
    /// sort are set per card): open, overdue, due on the day [<paramref name="dayStart"/>, <paramref name="dayEnd"/>]
    /// and finished since <paramref name="weekStart"/>.
    /// </summary>
    public async Task<TaskCounts> CountAsync(
        TaskQuery scope, DateTimeOffset dayStart, DateTimeOffset dayEnd, DateTimeOffset weekStart, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = scope with { Status = TaskStatusFilter.Open, Overdue = false, DueFrom = null, DueTo = null, FinishedFrom = null, Today = settings.Calendar.DayOf(now) };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        Task<int> Count(TaskQuery query) => AnsweredByLinks(query)
            ? LinkKeys(db, query, now).CountAsync(cancellationToken)
            : Filter(Start(db, query, now), query, now).CountAsync(cancellationToken);
        return new TaskCounts(
            await Count(open),
            await Count(open with { Overdue = true }),
            await Count(open with { DueFrom = dayStart, DueTo = dayEnd }),
            await Count(open with { Status = TaskStatusFilter.Finished, FinishedFrom = weekStart }));
    }

    /// <summary>
    /// Whether the assignee links alone answer the query: assignees given, and only what a link repeats of its task
    /// (open or not, due date) filtered and sorted on.
    /// </summary>
    private static bool AnsweredByLinks(TaskQuery query) =>
        query.AssigneeIds.Count > 0
        && query.Status is TaskStatusFilter.Open or TaskStatusFilter.All
        && query.FinishedFrom is null && query.TemplateId is null && query.EntitySchema is null && query.EntityId is null
        && query.ExecutionId is null && SearchTerm.Of(query.Text) is null
        && !query.NoDueDate && string.IsNullOrWhiteSpace(query.PhaseName)
        && query.Sort is TaskSort.DueDate or TaskSort.DueDateDescending
        && query.RecordAttributes.Count == 0
        && query.PriorityFrom is null && query.PriorityTo is null;

    /// <summary>The (execution, task, due) of every task the query's assignee links select, each task once.</summary>
    private static IQueryable<TaskKey> LinkKeys(WorkflowsDbContext db, TaskQuery query, DateTimeOffset now)
    {
        var ids = query.AssigneeIds.Distinct(StringComparer.Ordinal).ToList();
        var keys = Links(db, ids, query, now).Select(a => new TaskKey { ExecutionId = a.ExecutionId, TaskId = a.TaskId, DueAt = a.DueAt });
        return ids.Count > 1 ? keys.Distinct() : keys;
    }

    private static IQueryable<TaskKey> SortKeys(IQueryable<TaskKey> keys, TaskSort sort) => sort == TaskSort.DueDateDescending
        ? keys.OrderBy(k => k.DueAt == null).ThenByDescending(k => k.DueAt).ThenBy(k => k.ExecutionId).ThenBy(k => k.TaskId)
        : keys.OrderBy(k => k.DueAt == null).ThenBy(k => k.DueAt).ThenBy(k => k.ExecutionId).ThenBy(k => k.TaskId);

    /// <summary>
    /// The assignee links of <paramref name="ids"/> narrowed by state and due date: one range of the index
    /// (AssigneeId, IsOpen, DueAt) per assignee.
    /// <para>
    /// Flags are compared with <c>EF.Parameter(true)</c>, not tested bare: EF Core writes <c>WHERE "IsOpen"</c> for
    /// <c>a.IsOpen</c>, which SQLite cannot use as an index equality (it scans the whole index), while
    /// <c>"IsOpen" = @p</c> seeks straight to the open entries.
    /// </para>
    /// </summary>
    private static IQueryable<TaskAssigneeRow> Links(WorkflowsDbContext db, List<string> ids, TaskQuery query, DateTimeOffset now)
    {
        var links = db.FlowTaskAssignees.AsNoTracking().Where(a => ids.Contains(a.AssigneeId));
        if (query.Status == TaskStatusFilter.Open || query.Overdue)
        {
            links = links.Where(a => a.IsOpen == EF.Parameter(true));
        }

        if (query.Overdue)
        {
            links = links.Where(a => a.DueAt < now);
        }

        if (query.DueFrom is { } from)
        {
            links = links.Where(a => a.DueAt >= from);
        }

        if (query.DueTo is { } to)
        {
            links = links.Where(a => a.DueAt <= to);
        }

        // TaskFollowUp.Waits, as SQL: back on its day.
        if (query.HidesFollowUps)
        {
            links = links.Where(a => a.FollowUpOn == null || a.FollowUpOn <= query.Today);
        }

        return links;
    }

    private static IQueryable<TaskRow> Start(WorkflowsDbContext db, TaskQuery query, DateTimeOffset now) =>
        Start(db.FlowTasks.AsNoTracking(), db, query, now);

    /// <summary>The query's assignee (or unassigned) scope over <paramref name="all"/> task rows.</summary>
    private static IQueryable<TaskRow> Start(IQueryable<TaskRow> all, WorkflowsDbContext db, TaskQuery query, DateTimeOffset now)
    {
        all = WithRecordAttributes(all, db, query.RecordAttributes);
        if (query.AssigneeIds.Count == 0)
        {
            return query.Unassigned ? all.Where(t => t.Unassigned == EF.Parameter(true)) : all;
        }

        // The assignee index answers "open tasks of X due in this range" by itself; the task rows are joined after.
        var ids = query.AssigneeIds.Distinct(StringComparer.Ordinal).ToList();
        var joined = Links(db, ids, query, now)
            .Join(all, a => new { a.ExecutionId, a.TaskId }, t => new { t.ExecutionId, t.TaskId }, (a, t) => t);
        return ids.Count > 1 ? joined.Distinct() : joined;
    }

    /// <summary>
    /// The tasks whose record meets every condition: each is a range of the filterable values' index (schema, attribute,
    /// value, record), whose records the tasks are joined by (index on EntityId), never the records' JSON (ADR-029).
    /// </summary>
    private static IQueryable<TaskRow> WithRecordAttributes(IQueryable<TaskRow> tasks, WorkflowsDbContext db, IReadOnlyList<RecordAttributeCondition> conditions)
    {
        foreach (var condition in conditions)
        {
            var records = Meeting(db.FilterableValues.AsNoTracking()
                .Where(v => v.Schema == condition.Schema && v.Attribute == condition.Attribute), condition)
                .Select(v => v.RecordId);
            tasks = tasks.Where(t => records.Contains(t.EntityId)); // record ids are unique across schemas
        }

        return tasks;
    }

    private static IQueryable<FilterableValue> Meeting(IQueryable<FilterableValue> values, RecordAttributeCondition condition)
    {
        var (text, number) = (condition.Text, condition.Number);
        return (condition.Operator, number is null) switch
        {
            (AttributeOperator.Contains, _) => values.Where(v => v.Text != null && v.Text.Contains(text!)),
            (AttributeOperator.Equals, false) => values.Where(v => v.Number == number),
            (AttributeOperator.NotEquals, false) => values.Where(v => v.Number != null && v.Number != number),
            (AttributeOperator.GreaterThan, false) => values.Where(v => v.Number > number),
            (AttributeOperator.GreaterThanOrEquals, false) => values.Where(v => v.Number >= number),
            (AttributeOperator.LessThan, false) => values.Where(v => v.Number < number),
            (AttributeOperator.LessThanOrEquals, false) => values.Where(v => v.Number <= number),
            (AttributeOperator.NotEquals, true) => values.Where(v => v.Text != null && v.Text != text),
            (AttributeOperator.GreaterThan, true) => values.Where(v => string.Compare(v.Text, text) > 0),
            (AttributeOperator.GreaterThanOrEquals, true) => values.Where(v => string.Compare(v.Text, text) >= 0),
            (AttributeOperator.LessThan, true) => values.Where(v => string.Compare(v.Text, text) < 0),
            (AttributeOperator.LessThanOrEquals, true) => values.Where(v => string.Compare(v.Text, text) <= 0),
            _ => values.Where(v => v.Text == text),
        };
    }

    private static IQueryable<TaskRow> Filter(IQueryable<TaskRow> tasks, TaskQuery query, DateTimeOffset now)
    {
        tasks = query.Status switch
        {
            TaskStatusFilter.Open => tasks.Where(t => t.IsOpen == EF.Parameter(true)),
            TaskStatusFilter.Finished => tasks.Where(t => t.Status == "COMPLETED" || t.Status == "SKIPPED"),
            TaskStatusFilter.Exactly => tasks.Where(t => t.Status == query.ExactStatus),
            _ => tasks,
        };
        if (query.Overdue)
        {
            tasks = tasks.Where(t => t.IsOpen == EF.Parameter(true) && t.DueSort < now);
        }

        // DueSort equals DueAt where there is a due date, so these are the DueAt conditions, on the indexed column.
        if (query.DueFrom is { } from)
        {
            tasks = tasks.Where(t => t.DueSort >= from && t.DueAt != null);
        }

        if (query.DueTo is { } to)
        {
            tasks = tasks.Where(t => t.DueSort <= to);
        }

        if (query.FinishedFrom is { } finishedFrom)
        {
            tasks = tasks.Where(t => t.FinishedAt >= finishedFrom);
        }

        if (query.NoDueDate)
        {
            tasks = tasks.Where(t => t.DueAt == null);
        }

        if (!string.IsNullOrWhiteSpace(query.PhaseName))
        {
            var phase = query.PhaseName.Trim().ToLower();
            tasks = tasks.Where(t => t.PhaseName != null && t.PhaseName.ToLower() == phase);
        }

        if (query.TemplateId is { } templateId)
        {
            tasks = tasks.Where(t => t.TemplateId == templateId);
        }

        if (query.EntitySchema is { } schema)
        {
            tasks = tasks.Where(t => t.EntitySchema == schema);
        }

        if (query.EntityId is { } entityId)
        {
            tasks = tasks.Where(t => t.EntityId == entityId);
        }

        if (query.ExecutionId is { } executionId)
        {
            tasks = tasks.Where(t => t.ExecutionId == executionId);
        }

        if (SearchTerm.Of(query.Text) is { } text)
        {
            tasks = tasks.Where(t => t.SearchText.Contains(text));
        }

        if (query.PriorityFrom is { } lowest)
        {
            tasks = tasks.Where(t => t.Priority >= lowest);
        }

        if (query.PriorityTo is { } highest)
        {
            tasks = tasks.Where(t => t.Priority <= highest);
        }

        return tasks;
    }

    /// <summary>
    /// The search text a query over everyone's tasks looks up in a trigram index (SQLite's FTS5 table
    /// <c>flow_tasks_fts</c>, PostgreSQL's pg_trgm index on <c>SearchText</c>); null where the index does not apply and
    /// the plain filter does the work: with assignees (the link index narrows to a person's few hundred tasks, which a
    /// plain filter reads faster), and for fewer than three characters (a trigram index finds nothing for those;
    /// counted in code points, not UTF-16 units).
    /// </summary>
    private static string? IndexedTerm(TaskQuery query)
    {
        var term = SearchTerm.Of(query.Text);
        return term is null || query.AssigneeIds.Count > 0 || term.EnumerateRunes().Count() < 3 ? null : term;
    }

    /// <summary>
    /// A text search over everyone's tasks. Counting stops after <see cref="CountLimit"/> matches (or a page beyond the
    /// one asked for): a common word matches tens of thousands of tasks, and an exact count would read them all. Below
    /// that, the total is exact and the page is sorted from the index's matches. Above it, the word is common enough
    /// that walking the due-date order and testing each row's text usually reaches a page within a few hundred rows
    /// (<see cref="WalkPageAsync"/>); otherwise the page is still sorted from all of the index's matches.
    /// </summary>
    private static async Task<(int Total, bool TotalIsLowerBound, List<TaskRow> Rows)> SearchTextAsync(
        WorkflowsDbContext db, TaskQuery query, string term, DateTimeOffset now, int page, int size, CancellationToken cancellationToken)
    {
        var (streamed, indexed) = TextMatches(db, term);
        var limit = Math.Max(CountLimit, (page + 2) * size);
        var counted = await Filter(Start(streamed, db, query, now), query, now).Take(limit + 1).CountAsync(cancellationToken);
        var matches = Filter(Start(indexed, db, query, now), query, now);
        if (counted <= limit)
        {
            return (counted, false, await Sort(matches, query.Sort).Skip(page * size).Take(size).ToListAsync(cancellationToken));
        }

        if (await WalkPageAsync(db, query, term, now, page, size, cancellationToken) is { } walked)
        {
            return (limit, true, walked);
        }

        return (limit, true, await Sort(matches, query.Sort).Skip(page * size).Take(size).ToListAsync(cancellationToken));
    }

    /// <summary>
    /// The page of a text search read in due-date order from the (…, IsOpen, DueSort) indexes: the first rows of the
    /// tasks the other filters select, each tested for the text, reading at most <see cref="WalkRowsPerResult"/> rows per
    /// row of the pages up to this one. "All tasks" walks the open and the closed tasks apart (each is one index range in
    /// due-date order) and merges them. Null where no index gives the order (other sorts, an exact status) or where a
    /// walk comes back short: the word is too rare in that order, and the caller sorts the index's matches instead.
    /// </summary>
    private static async Task<List<TaskRow>?> WalkPageAsync(
        WorkflowsDbContext db, TaskQuery query, string term, DateTimeOffset now, int page, int size, CancellationToken cancellationToken)
    {
        // Finished tasks are never open (TaskRows.Fill), so they are one range of the closed tasks.
        bool[] ranges = query.Sort != TaskSort.DueDate ? [] : query.Status switch
        {
            TaskStatusFilter.Open => [true],
            TaskStatusFilter.All => query.Overdue ? [true] : [true, false],
            TaskStatusFilter.Finished when !query.Overdue => [false],
            _ => [],
        };
        if (ranges.Length == 0)
        {
            return null;
        }

        var wanted = (page + 1) * size;
        var rows = new List<TaskRow>();
        foreach (var open in ranges)
        {
            var window = Sort(Filter(Start(db, query, now), query with { Text = null }, now).Where(t => t.IsOpen == open), TaskSort.DueDate)
                .Take(wanted * WalkRowsPerResult);
            var first = await Sort(window.Where(t => t.SearchText.Contains(term)), TaskSort.DueDate).Take(wanted).ToListAsync(cancellationToken);
            if (first.Count < wanted)
            {
                return null;
            }

            rows.AddRange(first);
        }

        rows.Sort(InDueOrder);
        return rows[(page * size)..wanted];
    }

    /// <summary>
    /// The database's order of <see cref="TaskSort.DueDate"/>: due, then execution and task id as UTF-8 bytes (SQLite's
    /// BINARY, PostgreSQL's "C" collation).
    /// </summary>
    private static int InDueOrder(TaskRow a, TaskRow b)
    {
        var byDue = a.DueSort.CompareTo(b.DueSort);
        return byDue != 0 ? byDue : ByBytes(a.ExecutionId, b.ExecutionId) is var byExecution and not 0 ? byExecution : ByBytes(a.TaskId, b.TaskId);
    }

    private static int ByBytes(string a, string b) =>
        System.Text.Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b));

    /// <summary>
    /// The rows whose search text holds <paramref name="term"/>, as the provider's trigram index finds them: twice, once
    /// for counting (<c>Streamed</c>: on SQLite a join from the index, so LIMIT stops reading its matches) and once for
    /// the page (<c>Set</c>: the matches read as a set, then sorted). Both providers match a literal substring of the
    /// lower-cased text: FTS5's trigram phrase on SQLite, <c>LIKE '%term%'</c> (with % and _ escaped) on PostgreSQL.
    /// </summary>
    private static (IQueryable<TaskRow> Streamed, IQueryable<TaskRow> Set) TextMatches(WorkflowsDbContext db, string term)
    {
        if (!db.Database.IsSqlite())
        {
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var like = db.FlowTasks.AsNoTracking().Where(t => EF.Functions.Like(t.SearchText, pattern, "\\"));
            return (like, like);
        }

        var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var streamed = db.FlowTasks.FromSql(
            $"SELECT t.* FROM flow_tasks_fts JOIN flow_tasks AS t ON t.rowid = flow_tasks_fts.rowid WHERE flow_tasks_fts MATCH {phrase}");
        var set = db.FlowTasks.FromSql(
            $"SELECT * FROM flow_tasks WHERE rowid IN (SELECT rowid FROM flow_tasks_fts WHERE flow_tasks_fts MATCH {phrase})");
        return (streamed.AsNoTracking(), set.AsNoTracking());
    }

    private static IQueryable<TaskRow> Sort(IQueryable<TaskRow> tasks, TaskSort sort) => sort switch
    {
        TaskSort.DueDateDescending => tasks.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenBy(t => t.ExecutionId).ThenBy(t => t.TaskId),
        TaskSort.Name => ByColumn(tasks, t => t.Name, descending: false),
        TaskSort.NameDescending => ByColumn(tasks, t => t.Name, descending: true),
        TaskSort.Workflow => ByColumn(tasks, t => t.WorkflowName, descending: false),
        TaskSort.WorkflowDescending => ByColumn(tasks, t => t.WorkflowName, descending: true),
        TaskSort.Status => ByColumn(tasks, t => t.Status, descending: false),
        TaskSort.StatusDescending => ByColumn(tasks, t => t.Status, descending: true),
        TaskSort.Record => ByColumn(tasks, t => t.EntityTitle, descending: false),
        TaskSort.RecordDescending => ByColumn(tasks, t => t.EntityTitle, descending: true),
        TaskSort.Phase => ByColumn(tasks, t => t.PhaseName, descending: false),
        TaskSort.PhaseDescending => ByColumn(tasks, t => t.PhaseName, descending: true),
        TaskSort.UpdatedAscending => ByColumn(tasks, t => t.UpdatedAt, descending: false),
        TaskSort.UpdatedDescending => ByColumn(tasks, t => t.UpdatedAt, descending: true),
        // The always-true range on Priority lets SQLite walk (Priority, IsOpen, DueSort) in order instead of sorting.
        TaskSort.Priority => ByColumn(tasks.Where(t => t.Priority >= TaskPriority.Min), t => t.Priority, descending: false),
        TaskSort.PriorityDescending => ByColumn(tasks.Where(t => t.Priority >= TaskPriority.Min), t => t.Priority, descending: true),
        _ => tasks.OrderBy(t => t.DueSort).ThenBy(t => t.ExecutionId).ThenBy(t => t.TaskId),
    };

    /// <summary>
    /// A column, then soonest due, then execution and task; descending is the exact reverse, so the (IsOpen, column,
    /// DueSort) index serves both directions, read forwards or backwards, and stops at the page (ADR-024).
    /// </summary>
    private static IQueryable<TaskRow> ByColumn<T>(IQueryable<TaskRow> tasks, Expression<Func<TaskRow, T>> column, bool descending) => descending
        ? tasks.OrderByDescending(column).ThenByDescending(t => t.DueSort).ThenByDescending(t => t.ExecutionId).ThenByDescending(t => t.TaskId)
        : tasks.OrderBy(column).ThenBy(t => t.DueSort).ThenBy(t => t.ExecutionId).ThenBy(t => t.TaskId);

    /// <summary>
    /// The task rows <paramref name="query"/> selects by its assignees and filters, unsorted and unpaged: for readers
    /// built on the task list's filters, such as the board's phase columns.
    /// </summary>
    internal static IQueryable<TaskRow> Matching(WorkflowsDbContext db, TaskQuery query, DateTimeOffset now) =>
        Filter(Start(db, query, now), query, now);
}

/// <summary>A task named by its assignee link, with the due date the link repeats for ordering.</summary>
internal sealed record TaskKey
{
    public required string ExecutionId { get; init; }

    public required string TaskId { get; init; }

    public DateTimeOffset? DueAt { get; init; }
}
