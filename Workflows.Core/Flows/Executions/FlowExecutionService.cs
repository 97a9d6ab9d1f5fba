using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Patches;
using Workflows.Core.Flows.Storage;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Core.Teams;
using Workflows.Core.Telemetry;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// Runs the engine against the database: loads an execution, applies one command, and in one transaction saves the
/// new state, its task rows, its events and the record updates its entity-sync rules ask for. A write based on a
/// stale version is refused, naming who changed what; committed changes are published on the <see cref="FlowChangeBus"/>.
/// </summary>
public sealed partial class FlowExecutionService(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    FlowTemplateService templates,
    FlowChangeBus bus,
    FlowSettings settings,
    TimeProvider clock,
    IEnumerable<IFlowCommitHook> hooks,
    CommitQueue commits,
    WorkflowsMetrics metrics,
    UserDirectory directory)
{
    // The hot reads of every change, compiled once: a LINQ query pays EF Core's parameter extraction and query-cache
    // lookup on every execution.
    private static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<ExecutionRow?>> ExecutionById =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string id, CancellationToken _) => db.FlowExecutions.SingleOrDefault(e => e.Id == id));

    private static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<EntityRecord?>> RecordById =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string id, CancellationToken _) =>
            db.EntityRecords.SingleOrDefault(r => r.Id == id && r.DeletedAt == null));

    private static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<EntityRecord?>> RecordByIdUntracked =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string id, CancellationToken _) =>
            db.EntityRecords.AsNoTracking().SingleOrDefault(r => r.Id == id && r.DeletedAt == null));

    /// <summary>Starts a template on records; the first context is the primary one unless one says so.</summary>
    public async Task<Outcome<FlowExecution>> StartAsync(
        string templateId, IReadOnlyList<EntityRef> contexts, Actor actor, CancellationToken cancellationToken,
        ExecutionTrigger? trigger = null, ExecutionChain? chain = null)
    {
        // A start is based on no version the caller saw; when an entity-sync rule's record changed between loading and
        // saving, starting again on the fresh record is what the caller wants.
        return await LostRaces.TryAgainAsync(
            () => StartOnceAsync(templateId, contexts, actor, trigger, chain, cancellationToken),
            tryAgain: true,
            metrics,
            () => Task.FromResult<Outcome<FlowExecution>>(Refusal.Conflict(
                RefusalText.Of("RecordKeptChanging", contexts[0].EntityId, LostRaces.Attempts))));
    }

    private async Task<Outcome<FlowExecution>> StartOnceAsync(
        string templateId, IReadOnlyList<EntityRef> contexts, Actor actor, ExecutionTrigger? trigger, ExecutionChain? chain,
        CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var template = await templates.GetForStartAsync(db, templateId, cancellationToken);
        if (template is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoTemplate", templateId));
        }

        if (contexts.Count == 0)
        {
            return Refusal.Invalid(RefusalText.Of("WorkflowNeedsRecord"));
        }

        var records = await LoadRecordsAsync(db, contexts.Select(c => c.EntityId), EntityUpdates.HasRules(template.EntitySync, template.UpdateEntityAttributes), cancellationToken);
        var missing = contexts.FirstOrDefault(c => !records.ContainsKey(c.EntityId));
        if (missing is not null)
        {
            return Refusal.NotFound(RefusalText.Of("NoRecordToStartOn", missing.EntityId));
        }

        if (contexts.FirstOrDefault(c => c.EntitySchema is { } schema && schema != records[c.EntityId].Schema) is { } misnamed)
        {
            return Refusal.Invalid(
                RefusalText.Of("RecordOfOtherSchema", misnamed.EntityId, records[misnamed.EntityId].Schema, misnamed.EntitySchema));
        }

        var resolved = contexts.Select(c => c with { EntitySchema = c.EntitySchema ?? records[c.EntityId].Schema }).ToList();
        var primary = records[(resolved.Find(c => c.IsPrimary == true) ?? resolved[0]).EntityId];
        var context = ContextFor(actor, primary);
        var result = FlowEngine.Start(template, new StartFlow(Guid.NewGuid().ToString(), resolved) { Trigger = trigger, ExecutionChain = chain }, context);
        if (!result.Succeeded)
        {
            return ToRefusal(result.Error);
        }

        var execution = result.Execution;
        var events = result.Events.ToList();
        await HandOutAsync(db, execution, context, events, [], cancellationToken);
        var row = ExecutionRow.For(execution, primary);
        db.FlowExecutions.Add(row);
        var allTasks = execution.Tasks.Select(t => t.Id).ToHashSet();
        await WriteAsync(db, row, execution, events, allTasks, stored: null, records, actor, clock.GetUtcNow(), cancellationToken);
        await commits.SaveAsync(db, cancellationToken);
        metrics.WorkflowStarted((trigger?.Type ?? ExecutionTriggerType.MANUAL).ToString());
        Publish(execution, events);
        return execution;
    }

    /// <summary>
    /// Applies one command. <paramref name="expectedVersion"/> is the version the caller saw; when it is stale the
    /// command is refused with who changed what, and nothing is written.
    /// </summary>
    public Task<Outcome<FlowExecution>> ApplyAsync(
        string executionId, FlowCommand command, Actor actor, int? expectedVersion, CancellationToken cancellationToken) =>
        ApplyAllAsync(executionId, [command], actor, expectedVersion, cancellationToken);

    /// <summary>
    /// Applies several commands as one change: all are accepted and saved in one transaction, or the first refusal is
    /// returned and nothing is written. <paramref name="guard"/> sees the execution as loaded, before any command, and
    /// may refuse (a partner acting on a task that is not theirs).
    /// </summary>
    public Task<Outcome<FlowExecution>> ApplyAllAsync(
        string executionId, IReadOnlyList<FlowCommand> commands, Actor actor, int? expectedVersion, CancellationToken cancellationToken,
        Func<FlowExecution, Refusal?>? guard = null) =>
        ApplyPlannedAsync(
            executionId,
            execution => guard?.Invoke(execution) is { } refused ? refused : Outcome<IReadOnlyList<FlowCommand>>.From(commands),
            actor, expectedVersion, cancellationToken);

    /// <summary>
    /// Like <see cref="ApplyAllAsync"/>, with the commands chosen by <paramref name="plan"/> from the execution as
    /// loaded (for a change that depends on the current state, such as "close unless already closed"). The plan must
    /// not change the execution. A hard <see cref="DeleteFlow"/> must come alone.
    /// </summary>
    public Task<Outcome<FlowExecution>> ApplyPlannedAsync(
        string executionId, Func<FlowExecution, Outcome<IReadOnlyList<FlowCommand>>> plan, Actor actor, int? expectedVersion,
        CancellationToken cancellationToken) =>
        // Without a version the caller asked for the change on the current state, so a save that lost a race is planned
        // and applied again on the fresh workflow (the engine still refuses what the new state no longer allows). With
        // a version the caller's view is stale: refused with who changed what.
        LostRaces.TryAgainAsync<Outcome<FlowExecution>>(
            () => ApplyPlannedOnceAsync(executionId, plan, actor, expectedVersion, cancellationToken),
            tryAgain: expectedVersion is null,
            metrics,
            async () => await StaleAfterSaveAsync(executionId, cancellationToken));

    /// <summary>Applies what a request means (<see cref="ExecutionPatches"/>); a request refused on its own loads nothing.</summary>
    public async Task<Outcome<FlowExecution>> ApplyPlanAsync(
        string executionId, ExecutionPlan plan, Actor actor, int? expectedVersion, CancellationToken cancellationToken) =>
        plan.Refusal is { } refused ? refused : await ApplyPlannedAsync(executionId, plan.CommandsFor, actor, expectedVersion, cancellationToken);

    private async Task<Outcome<FlowExecution>> ApplyPlannedOnceAsync(
        string executionId, Func<FlowExecution, Outcome<IReadOnlyList<FlowCommand>>> plan, Actor actor, int? expectedVersion,
        CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        var staged = await StageAsync(
            db, executionId,
            execution =>
            {
                var planned = plan(execution);
                return planned.Succeeded ? new PlannedChange(planned.Value, []) : planned.Refusal;
            },
            actor, expectedVersion, cancellationToken);
        if (!staged.Succeeded)
        {
            return staged.Refusal;
        }

        await commits.SaveAsync(db, cancellationToken);
        Publish(staged.Value);
        return staged.Value.Execution;
    }

    /// <summary>
    /// Loads an execution into <paramref name="db"/>, applies the planned commands and stages the new state, task rows,
    /// events (the plan's own first) and entity-sync writes, without saving: the caller saves them with its own
    /// changes in one transaction, then calls <see cref="Publish(StagedChange)"/>.
    /// </summary>
    internal async Task<Outcome<StagedChange>> StageAsync(
        WorkflowsDbContext db, string executionId, Func<FlowExecution, Outcome<PlannedChange>> plan, Actor actor, int? expectedVersion,
        CancellationToken cancellationToken)
    {
        var row = await ExecutionById(db, executionId, cancellationToken);
        // The engine refuses every command on a deleted workflow, so it is "not found" whatever was asked.
        if (row is null || row.Deleted)
        {
            return Refusal.NotFound(RefusalText.Of("NoWorkflow", executionId));
        }

        if (expectedVersion is { } expected && expected != row.Version)
        {
            metrics.Conflict("stale_version");
            return await StaleAsync(db, row, cancellationToken);
        }

        var execution = Deserialize(row.Document);
        var planned = plan(execution);
        if (!planned.Succeeded)
        {
            return planned.Refusal;
        }

        var commands = planned.Value.Commands;
        if (commands.Count == 0 && planned.Value.LeadingEvents.Count == 0)
        {
            return Refusal.Invalid(RefusalText.Of("NothingToChange"));
        }

        var hardDelete = commands.Any(c => c is DeleteFlow { Hard: true });
        if (hardDelete && (commands.Count > 1 || planned.Value.LeadingEvents.Count > 0))
        {
            return Refusal.Invalid(RefusalText.Of("DeletedWorkflowTakesNoChange"));
        }

        var records = await LoadRecordsAsync(
            db, execution.Contexts.Select(c => c.EntityId), EntityUpdates.HasRules(execution.EntitySync, execution.UpdateEntityAttributes), cancellationToken);
        var primary = records.GetValueOrDefault(execution.PrimaryContext?.EntityId ?? row.PrimaryEntityId);
        var statusBefore = execution.Status;
        var deletedBefore = execution.Deleted;
        var now = clock.GetUtcNow();
        var stored = hardDelete ? null : StoredTaskRows.Of(execution, records.GetValueOrDefault(row.PrimaryEntityId), settings.TimeZone, now);
        var context = ContextFor(actor, primary);
        var events = new List<FlowEvent>(planned.Value.LeadingEvents);
        var changedTasks = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            var result = FlowEngine.Apply(execution, command, context);
            if (!result.Succeeded)
            {
                return ToRefusal(result.Error);
            }

            events.AddRange(result.Events);
            changedTasks.UnionWith(result.ChangedTaskIds);
        }

        if (!hardDelete)
        {
            await HandOutAsync(db, execution, context, events, changedTasks, cancellationToken);
        }

        if (hardDelete)
        {
            db.FlowExecutions.Remove(row);
            db.FlowEvents.RemoveRange(db.FlowEvents.Where(e => e.ExecutionId == executionId));
            return new StagedChange(execution, events, commands);
        }

        // A change of the workflow's own status opens or closes every task row, not just the ones the command touched.
        var changed = statusBefore != execution.Status || deletedBefore != execution.Deleted
            ? execution.Tasks.Select(t => t.Id).ToHashSet()
            : changedTasks;
        await WriteAsync(db, row, execution, events, changed, stored, records, actor, now, cancellationToken);
        return new StagedChange(execution, events, commands);
    }

    /// <summary>Tells live pages and automations about a change the caller committed, and counts its commands.</summary>
    internal void Publish(StagedChange change)
    {
        metrics.TaskChanged(change.Commands);
        Publish(change.Execution, change.Events);
    }

    /// <summary>The refusal for a save that lost a race: who changed the workflow meanwhile, read fresh.</summary>
    internal async Task<Refusal> StaleAfterSaveAsync(string executionId, CancellationToken cancellationToken)
    {
        await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await fresh.FlowExecutions.AsNoTracking().SingleOrDefaultAsync(e => e.Id == executionId, cancellationToken);
        return current is null ? Refusal.NotFound(RefusalText.Of("WorkflowDeletedMeanwhile", executionId)) : await StaleAsync(fresh, current, cancellationToken);
    }

    /// <summary>Applies each item on its own: one refusal never stops the others, and each result says how it went.</summary>
    public async Task<IReadOnlyList<BulkItemResult>> BulkAsync(IReadOnlyList<BulkItem> items, Actor actor, CancellationToken cancellationToken)
    {
        var results = new List<BulkItemResult>(items.Count);
        foreach (var item in items)
        {
            var outcome = await ApplyAsync(item.ExecutionId, item.Command, actor, expectedVersion: null, cancellationToken);
            var taskName = outcome.Succeeded && item.TaskId is not null ? outcome.Value.FindTask(item.TaskId)?.Name : null;
            results.Add(new BulkItemResult(item.ExecutionId, item.TaskId, taskName, outcome.Succeeded, outcome.Error));
        }

        return results;
    }

    /// <summary>
    /// Lets round-robin teams hand out the tasks the change reached (<see cref="RoundRobin"/>), through the engine's
    /// <see cref="Assign"/> so the history, events and webhooks tell who got the task.
    /// </summary>
    private static async Task HandOutAsync(
        WorkflowsDbContext db, FlowExecution execution, EngineContext context, List<FlowEvent> events, HashSet<string> changedTasks,
        CancellationToken cancellationToken)
    {
        if (execution.Status != WorkflowStatus.STARTED || execution.Deleted)
        {
            return;
        }

        foreach (var assign in await RoundRobin.HandOutAsync(db, execution, cancellationToken))
        {
            var result = FlowEngine.Apply(execution, assign, context with { Actor = new FlowActor(assign.Team ?? "", "Round-robin") });
            if (result.Succeeded)
            {
                events.AddRange(result.Events);
                changedTasks.UnionWith(result.ChangedTaskIds);
            }
        }
    }

    private EngineContext ContextFor(Actor actor, EntityRecord? primary) =>
        new(clock.GetUtcNow(), new FlowActor(actor.Id, actor.Name))
        {
            Facts = primary is null ? new Dictionary<string, JsonNode?>() : EngineContext.FactsFrom(primary.Attributes),
            TimeZone = settings.TimeZone,
        };

    /// <summary>
    /// A context whose connection stays open until it is disposed: one open (and one round of connection pragmas) per
    /// operation instead of one per query.
    /// </summary>
    private async Task<WorkflowsDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        return db;
    }

    /// <summary>
    /// The records by id. They are tracked only when entity-sync rules may write them: tracking a record snapshots its
    /// JSON attributes, which is most of the cost of loading it.
    /// </summary>
    private static async Task<Dictionary<string, EntityRecord>> LoadRecordsAsync(
        WorkflowsDbContext db, IEnumerable<string> ids, bool forWriting, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        // A record this unit of work already changed (a journey writes it before completing the task) must be read
        // as changed, so decisions see the new answers.
        var staged = db.ChangeTracker.Entries<EntityRecord>()
            .Where(e => wanted.Contains(e.Entity.Id))
            .ToDictionary(e => e.Entity.Id, e => e.Entity);
        var missing = wanted.Where(id => !staged.ContainsKey(id)).ToList();
        if (missing is [var only])
        {
            // One record (nearly every workflow has one context): the compiled query.
            if (await (forWriting ? RecordById : RecordByIdUntracked)(db, only, cancellationToken) is { } record)
            {
                staged[record.Id] = record;
            }
        }
        else if (missing.Count > 0)
        {
            var records = db.EntityRecords.Where(r => missing.Contains(r.Id) && r.DeletedAt == null);
            foreach (var record in await (forWriting ? records : records.AsNoTracking()).ToListAsync(cancellationToken))
            {
                staged[record.Id] = record;
            }
        }

        return staged;
    }

    private async Task WriteAsync(
        WorkflowsDbContext db, ExecutionRow row, FlowExecution execution, List<FlowEvent> events,
        IReadOnlySet<string> changedTaskIds, StoredTaskRows? stored, Dictionary<string, EntityRecord> records, Actor actor,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.Name = execution.Name;
        row.Status = execution.Status.ToString();
        row.Version = execution.Version;
        row.Deleted = execution.Deleted;
        row.UpdatedAt = now;
        row.UpdatedBy = actor.Name;
        row.Document = JsonSerializer.Serialize(execution, FlowJson.Options);

        var primary = records.GetValueOrDefault(row.PrimaryEntityId);
        TaskRows.Write(db, execution, changedTaskIds, stored, primary, settings.TimeZone, now);
        foreach (var flowEvent in events)
        {
            db.FlowEvents.Add(new EventRow
            {
                ExecutionId = execution.Id,
                Type = flowEvent.Type.ToString(),
                TaskId = flowEvent.TaskId,
                PhaseId = flowEvent.PhaseId,
                ActorId = flowEvent.Actor.UserId,
                ActorName = flowEvent.Actor.DisplayName,
                At = flowEvent.At,
                Summary = flowEvent.Summary,
                Detail = flowEvent.Detail,
                Line = flowEvent.Line,
            });
        }

        if (events.Count == 0)
        {
            return;
        }

        if (EntityUpdates.HasRules(execution.EntitySync, execution.UpdateEntityAttributes))
        {
            // A plain list, not records.Values.Select(…) inside the query: EF Core compiles such a client expression
            // into a new delegate on every execution, which cost a JIT compilation per command.
            var slugs = records.Values.Select(r => r.Schema).Distinct().ToList();
            var schemas = await db.EntitySchemas.AsNoTracking()
                .Where(s => slugs.Contains(s.Slug))
                .ToDictionaryAsync(s => s.Slug, cancellationToken);
            EntityUpdates.Apply(execution, events, records, schemas, actor, now);
        }

        foreach (var hook in hooks)
        {
            await hook.OnCommitAsync(new FlowCommit(db, execution, events, primary, actor), cancellationToken);
        }
    }

    private void Publish(FlowExecution execution, IReadOnlyList<FlowEvent> events) =>
        bus.Publish(new FlowChange(execution.Id, execution.Version, [.. execution.Contexts.Select(c => c.EntityId)], events));

    /// <summary>The refusal of a change made on a stale version, quoting the last change in the reader's language.</summary>
    private async Task<Refusal> StaleAsync(WorkflowsDbContext db, ExecutionRow current, CancellationToken cancellationToken)
    {
        var last = await db.FlowEvents.AsNoTracking()
            .Where(e => e.ExecutionId == current.Id)
            .OrderByDescending(e => e.Id)
            .Select(e => new { e.ActorName, e.Summary, e.Line })
            .FirstOrDefaultAsync(cancellationToken);
        var what = last switch
        {
            null => "",
            { Line: { } line } => $" ({line.Read(HistoryReader.Naming(await directory.NamesAsync(cancellationToken), settings.TimeZone))})",
            _ => $" ({last.Summary})", // an event from before history lines
        };
        return Refusal.Conflict(
            RefusalText.Of("WorkflowChangedJustNow", current.Name, last?.ActorName ?? current.UpdatedBy ?? RefusalText.Of("Someone"), what));
    }

    private static Refusal ToRefusal(FlowError error) => error.Kind switch
    {
        FlowErrorKind.NotFound => Refusal.NotFound(error.Message),
        FlowErrorKind.Conflict => Refusal.Conflict(error.Message),
        _ => Refusal.Invalid(error.Message),
    };
}
