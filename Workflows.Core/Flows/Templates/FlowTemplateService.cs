using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Data;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Storage;
using Workflows.Core.Flows.Validation;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// Stores templates with a version per save. A save based on a stale revision is refused (naming who saved in
/// between) instead of overwriting a colleague's work; an invalid template is refused with the validator's messages.
/// </summary>
public sealed class FlowTemplateService(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Parsed templates kept for starts at most; past it the cache starts again empty.</summary>
    private const int ParsedForStartLimit = 256;

    private static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<int?>> LatestRevision =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string id, CancellationToken _) =>
            db.FlowTemplates.Where(t => t.Id == id && t.DeletedAt == null).Select(t => (int?)t.Revision).SingleOrDefault());

    private readonly ConcurrentDictionary<(string Id, int Revision), FlowTemplate> parsedForStart = new();

    /// <summary>The builder's list: summaries of the templates <paramref name="query"/> selects, with their running counts.</summary>
    public async Task<IReadOnlyList<FlowTemplateSummary>> ListAsync(TemplateQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = Page(await MatchAsync(db, query, cancellationToken), query);
        var rows = (await db.FlowTemplates.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.Description, t.Enabled, t.Revision, t.ManualSchema, t.AutomationTriggered, t.TaskCount, t.UpdatedAt, t.UpdatedBy, t.Labels })
            .ToListAsync(cancellationToken)).ToDictionary(t => t.Id);
        var running = await db.FlowExecutions.AsNoTracking()
            .Where(e => e.TemplateId != null && ids.Contains(e.TemplateId) && e.Status == nameof(WorkflowStatus.STARTED) && !e.Deleted)
            .GroupBy(e => e.TemplateId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. ids.Select(id => rows[id]).Select(r => new FlowTemplateSummary(
            r.Id, r.Name, r.Description, r.Enabled, r.Revision, r.ManualSchema, r.AutomationTriggered,
            r.TaskCount, r.UpdatedAt, r.UpdatedBy, running.GetValueOrDefault(r.Id), r.Labels))];
    }

    /// <summary>Full templates matching <paramref name="query"/>, a page of them and the count of all.</summary>
    public async Task<TemplatePage> QueryAsync(TemplateQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var matching = await MatchAsync(db, query, cancellationToken);
        var ids = Page(matching, query);
        var documents = await db.FlowTemplates.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Document, cancellationToken);
        return new TemplatePage(matching.Count, [.. ids.Select(id => Deserialize(documents[id]))]);
    }

    /// <summary>Every label any template carries, for the builder's label picker and filter, in name order.</summary>
    public async Task<IReadOnlyList<string>> ListLabelsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var labels = await db.FlowTemplates.AsNoTracking().Where(t => t.DeletedAt == null).Select(t => t.Labels).ToListAsync(cancellationToken);
        return [.. labels.SelectMany(l => l).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }

    private static List<string> Page(List<string> matching, TemplateQuery query) =>
        [.. matching.Skip(Math.Max(0, query.From)).Take(Math.Clamp(query.Size, 0, 1000))];

    /// <summary>
    /// The ids of the templates <paramref name="query"/> selects, in its order. Columns narrow the rows and labels are
    /// matched on the row's column; only a trigger filter reads the documents, since a template may have several
    /// triggers (templates are counted in hundreds, not millions, but one can be megabytes).
    /// </summary>
    private static async Task<List<string>> MatchAsync(WorkflowsDbContext db, TemplateQuery query, CancellationToken cancellationToken)
    {
        var rows = db.FlowTemplates.AsNoTracking().Where(t => t.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var text = query.Name.Trim().ToLowerInvariant();
            rows = rows.Where(t => t.Name.ToLower().Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
            rows = rows.Where(t => t.Name.ToLower().Contains(text) || (t.Description != null && t.Description.ToLower().Contains(text)));
        }

        if (query.Id is not null)
        {
            rows = rows.Where(t => t.Id == query.Id);
        }

        if (query.Enabled is { } enabled)
        {
            rows = rows.Where(t => t.Enabled == enabled);
        }

        if (query.TriggerType == TemplateTriggerType.Automation)
        {
            rows = rows.Where(t => t.AutomationTriggered);
        }

        if (query.HasRunningWorkflows is { } hasRunning)
        {
            var runningIds = db.FlowExecutions
                .Where(e => e.TemplateId != null && e.Status == nameof(WorkflowStatus.STARTED) && !e.Deleted)
                .Select(e => e.TemplateId);
            rows = hasRunning ? rows.Where(t => runningIds.Contains(t.Id)) : rows.Where(t => !runningIds.Contains(t.Id));
        }

        rows = (query.Sort, query.Descending) switch
        {
            (TemplateSort.Name, true) => rows.OrderByDescending(t => t.Name).ThenBy(t => t.Id),
            (TemplateSort.Name, false) => rows.OrderBy(t => t.Name).ThenBy(t => t.Id),
            (TemplateSort.Created, true) => rows.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
            (TemplateSort.Created, false) => rows.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
            (_, true) => rows.OrderByDescending(t => t.UpdatedAt).ThenBy(t => t.Id),
            _ => rows.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
        };
        var wanted = query.Labels ?? [];
        if (query.TriggerType is null)
        {
            var found = await rows.Select(t => new { t.Id, t.Labels }).ToListAsync(cancellationToken);
            return [.. found.Where(t => TemplateLabels.HasAll(t.Labels, wanted)).Select(t => t.Id)];
        }

        var withDocuments = await rows.Select(t => new { t.Id, t.Labels, t.Document }).ToListAsync(cancellationToken);
        return [.. withDocuments.Where(t => TemplateLabels.HasAll(t.Labels, wanted) && FitsTrigger(Deserialize(t.Document), query)).Select(t => t.Id)];
    }

    private static bool FitsTrigger(FlowTemplate template, TemplateQuery query)
    {
        if (query.TriggerType is not { } type)
        {
            return true;
        }

        var triggers = (template.AdditionalTriggers ?? []).Prepend(template.Trigger).OfType<TemplateTrigger>();
        return triggers.Any(t => t.Type == type && type switch
        {
            TemplateTriggerType.Manual => query.TriggerSchema is null || t.EntitySchema == query.TriggerSchema,
            TemplateTriggerType.Automation => query.TriggerSourceId is null || t.AutomationId == query.TriggerSourceId,
            _ => query.TriggerSourceId is null || t.JourneyId == query.TriggerSourceId,
        });
    }

    /// <summary>Enabled templates whose manual trigger fits records of <paramref name="schema"/>: "Trigger new workflow".</summary>
    public async Task<IReadOnlyList<FlowTemplate>> ListStartableAsync(string schema, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = await db.FlowTemplates.AsNoTracking()
            .Where(t => t.DeletedAt == null && t.Enabled && t.ManualSchema == schema)
            .OrderBy(t => t.Name)
            .Select(t => t.Document)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(Deserialize)];
    }

    public async Task<FlowTemplate?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.FlowTemplates.AsNoTracking()
            .Where(t => t.Id == id && t.DeletedAt == null)
            .Select(t => t.Document)
            .SingleOrDefaultAsync(cancellationToken);
        return document is null ? null : Deserialize(document);
    }

    /// <summary>
    /// The latest revision of a template for starting it, read in <paramref name="db"/>: one query for the revision,
    /// and the parsed document from a cache by (id, revision), where a hit never goes stale (a save makes a new
    /// revision; a revision's document never changes). The instance is shared between starts: read it, never change it.
    /// </summary>
    internal async Task<FlowTemplate?> GetForStartAsync(WorkflowsDbContext db, string id, CancellationToken cancellationToken)
    {
        if (await LatestRevision(db, id, cancellationToken) is not { } revision)
        {
            return null;
        }

        if (parsedForStart.TryGetValue((id, revision), out var cached))
        {
            return cached;
        }

        // Read the revision with the document: a save in between must not file a newer document under the older one.
        var read = await db.FlowTemplates.AsNoTracking().Where(t => t.Id == id && t.DeletedAt == null).Select(t => new { t.Revision, t.Document }).SingleOrDefaultAsync(cancellationToken);
        if (read is null)
        {
            return null;
        }

        if (parsedForStart.Count >= ParsedForStartLimit)
        {
            parsedForStart.Clear();
        }

        return parsedForStart[(id, read.Revision)] = Deserialize(read.Document);
    }

    public async Task<FlowTemplate?> GetVersionAsync(string id, int revision, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.FlowTemplateVersions.AsNoTracking()
            .Where(v => v.TemplateId == id && v.Revision == revision)
            .Select(v => v.Document)
            .SingleOrDefaultAsync(cancellationToken);
        return document is null ? null : Deserialize(document);
    }

    public async Task<IReadOnlyList<FlowTemplateVersionInfo>> ListVersionsAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.FlowTemplateVersions.AsNoTracking()
            .Where(v => v.TemplateId == id)
            .OrderByDescending(v => v.Revision)
            .Select(v => new FlowTemplateVersionInfo(v.Revision, v.Name, v.SavedAt, v.SavedBy, v.Note))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The problems the engine's validator finds, against the current closing-reason catalogue, and the automations
    /// and journeys the template names that do not exist: what <see cref="SaveAsync"/> refuses.
    /// </summary>
    public async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(FlowTemplate template, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ProblemsAsync(db, template, await db.ClosingReasons.AsNoTracking().ToListAsync(cancellationToken), cancellationToken);
    }

    private static async Task<List<ValidationProblem>> ProblemsAsync(
        WorkflowsDbContext db, FlowTemplate template, List<ClosingReason> catalogue, CancellationToken cancellationToken)
    {
        var automationIds = await db.Automations.AsNoTracking().Select(a => a.Id).ToListAsync(cancellationToken);
        var journeyIds = await db.Journeys.AsNoTracking().Select(j => j.Id).ToListAsync(cancellationToken);
        return
        [
            .. FlowTemplateValidator.Validate(template, catalogue),
            .. FlowTemplateValidator.CheckReferences(template, automationIds.ToHashSet(StringComparer.Ordinal), journeyIds.ToHashSet(StringComparer.Ordinal)),
        ];
    }

    /// <summary>
    /// Creates the template when its id is new (or missing), otherwise saves a new version of it, when it is valid and
    /// every automation and journey it names exists (so no path saves a template the builder would refuse).
    /// <paramref name="expectedRevision"/> is the revision the editor started from; null skips the check (import).
    /// </summary>
    public async Task<Outcome<FlowTemplate>> SaveAsync(
        FlowTemplate template, int? expectedRevision, Actor actor, CancellationToken cancellationToken, string? note = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var catalogue = await db.ClosingReasons.AsNoTracking().ToListAsync(cancellationToken);
        var problems = await ProblemsAsync(db, template, catalogue, cancellationToken);
        if (problems.Count > 0)
        {
            return Refusal.Invalid(RefusalText.Of("WorkflowCannotBeSaved", string.Join(" ", problems.Select(p => p.Message))));
        }

        // A client may name reasons by id alone; the template shows them with the catalogue's titles.
        template.ClosingReasons = template.ClosingReasons?.ConvertAll(r => r with { Title = catalogue.Find(c => c.Id == r.Id)?.Title ?? r.Title });
        var now = clock.GetUtcNow();
        template.Id = string.IsNullOrWhiteSpace(template.Id) ? Guid.NewGuid().ToString() : template.Id;
        var row = await db.FlowTemplates.SingleOrDefaultAsync(t => t.Id == template.Id, cancellationToken);
        if (row is not null && row.DeletedAt is null && expectedRevision is { } expected && expected != row.Revision)
        {
            return StaleSave(row);
        }

        if (row is null)
        {
            template.Revision = 1;
            template.CreatedAt = now;
            template.UpdatedAt = now;
            row = new TemplateRow { Id = template.Id, Name = template.Name, Document = "", CreatedAt = now };
            db.FlowTemplates.Add(row);
        }
        else
        {
            template.Revision = row.Revision + 1;
            template.CreatedAt = row.CreatedAt;
            template.UpdatedAt = now;
            row.DeletedAt = null;
        }

        Fill(row, template, actor, now);
        db.FlowTemplateVersions.Add(new TemplateVersionRow
        {
            TemplateId = template.Id,
            Revision = template.Revision!.Value,
            Name = template.Name,
            Document = row.Document,
            SavedAt = now,
            SavedBy = actor.Name,
            Note = note,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var current = await fresh.FlowTemplates.AsNoTracking().SingleAsync(t => t.Id == template.Id, cancellationToken);
            return StaleSave(current);
        }
        catch (DbUpdateException)
        {
            // Two first saves of one new id, or a version row written meanwhile: the other save won.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var current = await fresh.FlowTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == template.Id, cancellationToken);
            if (current is null)
            {
                throw;
            }

            return StaleSave(current);
        }

        return template;
    }

    /// <summary>Makes an old version the new latest one; executions keep the versions they started from.</summary>
    public async Task<Outcome<FlowTemplate>> RestoreVersionAsync(string id, int revision, Actor actor, CancellationToken cancellationToken)
    {
        var old = await GetVersionAsync(id, revision, cancellationToken);
        if (old is null)
        {
            return Refusal.NotFound(RefusalText.Of("TemplateHasNoVersion", id, revision));
        }

        return await SaveAsync(old, expectedRevision: null, actor, cancellationToken, note: $"Restored version {revision}");
    }

    public async Task<Outcome<FlowTemplate>> SetEnabledAsync(string id, bool enabled, Actor actor, CancellationToken cancellationToken)
    {
        var template = await GetAsync(id, cancellationToken);
        if (template is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoTemplate", id));
        }

        if (template.IsEnabled == enabled)
        {
            return template;
        }

        var revision = template.Revision;
        template.Enabled = enabled;
        return await SaveAsync(template, revision, actor, cancellationToken, note: enabled ? "Enabled" : "Disabled");
    }

    public async Task<Outcome<FlowTemplate>> DuplicateAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var template = await GetAsync(id, cancellationToken);
        if (template is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoTemplate", id));
        }

        template.Id = Guid.NewGuid().ToString();
        template.Name = $"{template.Name} (copy)";
        template.Revision = null;
        return await SaveAsync(template, null, actor, cancellationToken, note: $"Duplicated from {id}");
    }

    /// <summary>
    /// Sets which reasons of the catalogue a template offers when closing its workflows (titles from the catalogue),
    /// saving a new version. Workflows already running keep the reasons they started with.
    /// </summary>
    public async Task<Outcome<FlowTemplate>> SetClosingReasonsAsync(
        string id, IReadOnlyList<string> reasonIds, Actor actor, CancellationToken cancellationToken)
    {
        var template = await GetAsync(id, cancellationToken);
        if (template is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoTemplate", id));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wanted = reasonIds.Distinct(StringComparer.Ordinal).ToList();
        var titles = await db.ClosingReasons.AsNoTracking()
            .Where(r => wanted.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Title, cancellationToken);
        if (wanted.Find(r => !titles.ContainsKey(r)) is { } unknown)
        {
            return Refusal.Invalid(RefusalText.Of("NoClosingReasonInCatalogue", unknown));
        }

        template.ClosingReasons = wanted.ConvertAll(r => new ClosingReasonRef { Id = r, Title = titles[r] });
        return await SaveAsync(template, template.Revision, actor, cancellationToken, note: "Closing reasons changed");
    }

    /// <summary>Deletes a template; refused while executions of it still run (disable it instead).</summary>
    public async Task<Outcome<bool>> DeleteAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.FlowTemplates.SingleOrDefaultAsync(t => t.Id == id && t.DeletedAt == null, cancellationToken);
        if (row is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoTemplate", id));
        }

        var running = await db.FlowExecutions.CountAsync(
            e => e.TemplateId == id && e.Status == nameof(WorkflowStatus.STARTED) && !e.Deleted, cancellationToken);
        if (running > 0)
        {
            return Refusal.Conflict(RefusalText.Of(running == 1 ? "TemplateStillRunsOnce" : "TemplateStillRuns", row.Name, running));
        }

        row.DeletedAt = clock.GetUtcNow();
        row.UpdatedBy = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static FlowTemplate Deserialize(string document) =>
        JsonSerializer.Deserialize<FlowTemplate>(document, FlowJson.Options)
        ?? throw new InvalidOperationException("A stored template document is empty.");

    private static void Fill(TemplateRow row, FlowTemplate template, Actor actor, DateTimeOffset now)
    {
        var triggers = new List<TemplateTrigger>();
        if (template.Trigger is not null)
        {
            triggers.Add(template.Trigger);
        }

        triggers.AddRange(template.AdditionalTriggers ?? []);
        row.Name = template.Name;
        row.Description = template.Description;
        row.Enabled = template.IsEnabled;
        row.Revision = template.Revision!.Value;
        row.ManualSchema = triggers.FirstOrDefault(t => t.Type == TemplateTriggerType.Manual)?.EntitySchema;
        row.AutomationTriggered = triggers.Exists(t => t.Type == TemplateTriggerType.Automation);
        row.TaskCount = template.Tasks.Count;
        row.Labels = [.. template.Taxonomies ?? []];
        row.Document = JsonSerializer.Serialize(template, FlowJson.Options);
        row.UpdatedAt = now;
        row.UpdatedBy = actor.Name;
    }

    private static Refusal StaleSave(TemplateRow current) => Refusal.Conflict(
        RefusalText.Of("TemplateSavedMeanwhile", current.Name, current.UpdatedBy ?? RefusalText.Of("Someone"), current.UpdatedAt, current.Revision));
}
