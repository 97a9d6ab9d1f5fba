using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Entities;

/// <summary>Schemas and records: reading, searching, and validated, concurrency-safe writes.</summary>
public sealed class EntityService(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider clock, IEnumerable<IEntityCommitHook> hooks)
{
    /// <summary>Raised after a record was created, changed or deleted and committed, with its id, for open pages.</summary>
    public event Action<string>? Changed;

    /// <summary>Raises <see cref="Changed"/> for a record another instance changed (see the cross-instance relay).</summary>
    public void Announce(string recordId) => Changed?.Invoke(recordId);

    public async Task<IReadOnlyList<EntitySchema>> ListSchemasAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EntitySchemas.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
    }

    public async Task<EntitySchema?> GetSchemaAsync(string slug, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
    }

    /// <summary>Creates a schema or replaces its name and attributes; the slug never changes.</summary>
    public async Task<Outcome<EntitySchema>> SaveSchemaAsync(EntitySchema input, CancellationToken cancellationToken)
    {
        var problem = SchemaRules.Check(input);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var existing = await db.EntitySchemas.SingleOrDefaultAsync(s => s.Slug == input.Slug, cancellationToken);
        if (existing is null)
        {
            var created = new EntitySchema
            {
                Slug = input.Slug,
                Name = input.Name.Trim(),
                Plural = string.IsNullOrWhiteSpace(input.Plural) ? input.Name.Trim() + "s" : input.Plural.Trim(),
                Icon = input.Icon,
                TitleTemplate = input.TitleTemplate,
                Attributes = [.. input.Attributes],
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.EntitySchemas.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }

        if (await StageUniqueAttributesAsync(db, existing, input, cancellationToken) is { } refused)
        {
            return refused;
        }

        await StageFilterableAttributesAsync(db, existing, input, cancellationToken);
        existing.Name = input.Name.Trim();
        existing.Plural = string.IsNullOrWhiteSpace(input.Plural) ? existing.Plural : input.Plural.Trim();
        existing.Icon = input.Icon;
        existing.TitleTemplate = input.TitleTemplate;
        existing.Attributes = [.. input.Attributes];
        existing.Version++;
        existing.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    /// <summary>
    /// Keeps the unique values in step with the attributes a schema marks unique: an attribute newly marked gets its
    /// records' values (refused while two records share one), one no longer marked loses them.
    /// </summary>
    private static async Task<Refusal?> StageUniqueAttributesAsync(
        WorkflowsDbContext db, EntitySchema existing, EntitySchema input, CancellationToken cancellationToken)
    {
        var before = existing.Attributes.Where(a => a.Unique).Select(a => a.Name).ToHashSet();
        var dropped = before.Where(name => !input.Attributes.Exists(a => a.Unique && a.Name == name)).ToList();
        var added = input.Attributes.Where(a => a.Unique && !before.Contains(a.Name)).ToList();
        if (dropped.Count > 0)
        {
            db.UniqueValues.RemoveRange(await db.UniqueValues
                .Where(u => u.Schema == existing.Slug && dropped.Contains(u.Attribute)).ToListAsync(cancellationToken));
        }

        if (added.Count == 0)
        {
            return null;
        }

        var newlyUnique = new EntitySchema { Slug = existing.Slug, Name = input.Name, Plural = existing.Plural, TitleTemplate = input.TitleTemplate, Attributes = added };
        var values = (await db.EntityRecords.AsNoTracking().Where(r => r.Schema == existing.Slug && r.DeletedAt == null).ToListAsync(cancellationToken))
            .SelectMany(r => UniqueValues.Of(newlyUnique, r.Id, r.Attributes))
            .ToList();
        if (values.GroupBy(v => (v.Attribute, v.Value)).FirstOrDefault(g => g.Count() > 1) is { } shared)
        {
            return Refusal.Conflict(RefusalText.Of(
                "CannotBeUniqueYet",
                LabelOf(newlyUnique, shared.Key.Attribute),
                shared.Count(),
                existing.Plural,
                shared.Key.Value,
                string.Join(", ", shared.Select(v => v.RecordId).Take(5))));
        }

        if (values.FirstOrDefault(v => v.Value.Length > UniqueValues.MaxLength) is { } tooLong)
        {
            return Refusal.Conflict(
                RefusalText.Of("CannotBeUniqueTooLong", LabelOf(newlyUnique, tooLong.Attribute), tooLong.RecordId, UniqueValues.MaxLength));
        }

        db.UniqueValues.AddRange(values);
        return null;
    }

    /// <summary>
    /// Keeps the filterable values in step with the attributes a schema marks filterable, in the schema's save (ADR-029):
    /// an attribute newly marked (or whose type changed) gets its records' values, one no longer marked loses them.
    /// </summary>
    private static async Task StageFilterableAttributesAsync(
        WorkflowsDbContext db, EntitySchema existing, EntitySchema input, CancellationToken cancellationToken)
    {
        var before = existing.Attributes.Where(a => a.Filterable).ToDictionary(a => a.Name, a => a.Type);
        var after = input.Attributes.Where(a => a.Filterable).ToList();
        var dropped = before.Where(pair => !after.Exists(a => a.Name == pair.Key && a.Type == pair.Value)).Select(pair => pair.Key).ToList();
        var added = after.Where(a => before.GetValueOrDefault(a.Name) != a.Type).ToList();
        if (dropped.Count > 0)
        {
            db.FilterableValues.RemoveRange(await db.FilterableValues
                .Where(v => v.Schema == existing.Slug && dropped.Contains(v.Attribute)).ToListAsync(cancellationToken));
        }

        if (added.Count == 0)
        {
            return;
        }

        var records = db.EntityRecords.AsNoTracking().Where(r => r.Schema == existing.Slug && r.DeletedAt == null)
            .Select(r => new { r.Id, r.Attributes }).AsAsyncEnumerable();
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            db.FilterableValues.AddRange(FilterableValues.Of(existing, added, record.Id, record.Attributes));
        }
    }

    public async Task<Outcome<RecordPage>> SearchAsync(string schema, RecordQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.EntitySchemas.AnyAsync(s => s.Slug == schema, cancellationToken))
        {
            return Refusal.NotFound(RefusalText.Of("NoSchema", schema));
        }

        var records = db.EntityRecords.AsNoTracking().Where(r => r.Schema == schema && r.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
            records = records.Where(r => r.SearchText.Contains(text));
        }

        records = query.Sort switch
        {
            RecordSort.TitleAscending => records.OrderBy(r => r.Title).ThenBy(r => r.Id),
            RecordSort.TitleDescending => records.OrderByDescending(r => r.Title).ThenBy(r => r.Id),
            RecordSort.CreatedAscending => records.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            RecordSort.CreatedDescending => records.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id),
            RecordSort.UpdatedAscending => records.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
            _ => records.OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id),
        };

        var pageSize = Math.Clamp(query.PageSize, 0, RecordQuery.MaxPageSize);
        var skip = query.Skip;
        if (query.Filters.Count == 0)
        {
            var total = await records.CountAsync(cancellationToken);
            var items = pageSize == 0 ? [] : await records.Skip(skip).Take(pageSize).ToListAsync(cancellationToken);
            return new RecordPage(items, total);
        }

        // Attribute filters compare JSON values, which each provider spells differently in SQL; they run on the
        // text-narrowed set instead, which keeps the query provider-neutral.
        var matching = (await records.ToListAsync(cancellationToken)).Where(r => Matches(r, query.Filters)).ToList();
        return new RecordPage([.. matching.Skip(skip).Take(pageSize)], matching.Count);
    }

    public async Task<EntityRecord?> GetAsync(string schema, string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EntityRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == id && r.Schema == schema && r.DeletedAt == null, cancellationToken);
    }

    public async Task<IReadOnlyList<EntityRecord>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EntityRecords.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The records that these records' relation attributes point at (epilot's <c>hydrate</c>), in two queries whatever
    /// their number: the schemas involved, then the related records that exist. Deleted ones are left out.
    /// </summary>
    public async Task<RelatedRecords> RelatedAsync(IReadOnlyCollection<EntityRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return RelatedRecords.None;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var slugs = records.Select(r => r.Schema).Distinct().ToList();
        var relations = (await db.EntitySchemas.AsNoTracking().Where(s => slugs.Contains(s.Slug)).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Slug, RecordRelations.AttributesOf);
        var ids = records
            .SelectMany(r => relations.GetValueOrDefault(r.Schema, []).SelectMany(attribute => RecordRelations.Ids(r.Attributes[attribute])))
            .Distinct()
            .ToList();
        var related = ids.Count == 0 ? new Dictionary<string, EntityRecord>()
            : await db.EntityRecords.AsNoTracking().Where(r => ids.Contains(r.Id) && r.DeletedAt == null).ToDictionaryAsync(r => r.Id, cancellationToken);
        return new RelatedRecords(relations, related);
    }

    public async Task<Outcome<EntityRecord>> CreateAsync(string schema, JsonObject attributes, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == schema, cancellationToken);
        if (definition is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoSchema", schema));
        }

        var values = AttributeValues.Normalize(definition, attributes, requireAll: true);
        if (!values.Succeeded)
        {
            return values.Refusal;
        }

        RemoveNulls(values.Value);
        var title = RecordTitle.After(definition, attributes, values.Value, before: null);
        if (!title.Succeeded)
        {
            return title.Refusal;
        }

        var now = clock.GetUtcNow();
        var record = new EntityRecord
        {
            Id = Guid.NewGuid().ToString(),
            Schema = schema,
            Title = title.Value,
            Attributes = values.Value,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = actor.Name,
            UpdatedBy = actor.Name,
        };
        record.SearchText = SearchTextOf(record);
        db.EntityRecords.Add(record);
        if (await StageUniqueValuesAsync(db, definition, record, cancellationToken) is { } taken)
        {
            return taken;
        }

        await RunHooksAsync(new EntityCommit(db, record, Created: true, [.. record.Attributes.Select(pair => pair.Key)], actor), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (await TakenMeanwhileAsync(definition, record, cancellationToken) is { } takenMeanwhile)
            {
                return takenMeanwhile;
            }

            throw;
        }

        Changed?.Invoke(record.Id);
        return record;
    }

    /// <summary>
    /// epilot's upsert: the record of <paramref name="schema"/> whose unique <paramref name="attribute"/> holds the value
    /// <paramref name="entity"/> gives is patched with it, or, when there is none, created from it. Two upserts of one
    /// value at the same moment make one record: the one that loses the race to create it updates it instead.
    /// </summary>
    public async Task<Outcome<Upserted>> UpsertAsync(string schema, string attribute, JsonObject entity, Actor actor, CancellationToken cancellationToken)
    {
        var definition = await GetSchemaAsync(schema, cancellationToken);
        if (definition is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoSchema", schema));
        }

        if (definition.Attributes.Find(a => a.Name == attribute) is not { Unique: true })
        {
            var unique = definition.Attributes.Where(a => a.Unique).Select(a => a.Name).ToList();
            return Refusal.Invalid(unique.Count == 0
                ? $"{definition.Name} has no unique attribute to find a record by; mark one unique in its schema first."
                : $"'unique_key' names the unique attribute to find the record by: {string.Join(", ", unique)}; '{attribute}' is not one.");
        }

        var given = AttributeValues.Normalize(definition, new JsonObject { [attribute] = entity[attribute]?.DeepClone() }, requireAll: false);
        if (!given.Succeeded)
        {
            return given.Refusal;
        }

        if (UniqueValues.KeyOf(given.Value[attribute]) is not { } key)
        {
            return Refusal.Invalid(RefusalText.Of("UniqueKeyValueMissing", attribute));
        }

        Refusal? lost = null;
        for (var tries = 0; tries < LostRaces.Attempts; tries++)
        {
            var holder = await HolderOfAsync(schema, attribute, key, cancellationToken);
            var written = holder is null
                ? await CreateAsync(schema, entity, actor, cancellationToken)
                : await UpdateAsync(schema, holder, entity, expectedVersion: null, replace: false, actor, cancellationToken);
            if (written.Succeeded)
            {
                return new Upserted(written.Value, Created: holder is null);
            }

            if (written.Refusal.Kind != RefusalKind.Conflict)
            {
                return written.Refusal;
            }

            // A parallel write took the value or changed the record between our read and our write: look again.
            lost = written.Refusal;
        }

        return lost!;
    }

    private async Task<string?> HolderOfAsync(string schema, string attribute, string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UniqueValues.AsNoTracking()
            .Where(u => u.Schema == schema && u.Attribute == attribute && u.Value == key)
            .Select(u => u.RecordId)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Stages the record's unique values (adding new ones, dropping the ones it no longer holds), or refuses when another
    /// record of the schema holds one of them. The table's key refuses the save too when another writer got there first.
    /// </summary>
    private static async Task<Refusal?> StageUniqueValuesAsync(WorkflowsDbContext db, EntitySchema schema, EntityRecord record, CancellationToken cancellationToken)
    {
        var wanted = UniqueValues.Of(schema, record.Id, record.Attributes);
        if (wanted.FirstOrDefault(w => w.Value.Length > UniqueValues.MaxLength) is { } tooLong)
        {
            return Refusal.Invalid(RefusalText.Of("UniqueValueTooLong", LabelOf(schema, tooLong.Attribute), UniqueValues.MaxLength));
        }

        var held = await db.UniqueValues.Where(u => u.RecordId == record.Id).ToListAsync(cancellationToken);
        if (wanted.Count == 0 && held.Count == 0)
        {
            return null;
        }

        if (await TakenAsync(db, schema, record, wanted, cancellationToken) is { } taken)
        {
            return taken;
        }

        db.UniqueValues.RemoveRange(held.Where(h => !wanted.Any(w => w.Attribute == h.Attribute && w.Value == h.Value)));
        db.UniqueValues.AddRange(wanted.Where(w => !held.Any(h => h.Attribute == w.Attribute && h.Value == w.Value)));
        return null;
    }

    /// <summary>After a save refused by the database: whether it was because another record took one of this one's unique values.</summary>
    private async Task<Refusal?> TakenMeanwhileAsync(EntitySchema schema, EntityRecord record, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TakenAsync(db, schema, record, UniqueValues.Of(schema, record.Id, record.Attributes), cancellationToken);
    }

    private static async Task<Refusal?> TakenAsync(
        WorkflowsDbContext db, EntitySchema schema, EntityRecord record, IReadOnlyList<UniqueValue> wanted, CancellationToken cancellationToken)
    {
        if (wanted.Count == 0)
        {
            return null;
        }

        var values = wanted.Select(w => w.Value).ToList();
        var clash = (await db.UniqueValues.AsNoTracking()
                .Where(u => u.Schema == schema.Slug && values.Contains(u.Value) && u.RecordId != record.Id)
                .ToListAsync(cancellationToken))
            .FirstOrDefault(u => wanted.Any(w => w.Attribute == u.Attribute && w.Value == u.Value));
        return clash is null ? null : Refusal.Conflict(RefusalText.Of(
            "UniqueValueTaken", schema.Name, clash.RecordId, LabelOf(schema, clash.Attribute), record.Attributes[clash.Attribute], schema.Plural));
    }

    private static string LabelOf(EntitySchema schema, string attribute) => schema.Attributes.Find(a => a.Name == attribute)?.Label ?? attribute;

    /// <summary>
    /// Writes attribute values. With <paramref name="replace"/> the given values are the whole record (PUT);
    /// otherwise they are merged into it (PATCH). A write based on an older <paramref name="expectedVersion"/>
    /// is refused, naming who changed the record, instead of overwriting their work.
    /// </summary>
    public async Task<Outcome<EntityRecord>> UpdateAsync(
        string schema, string id, JsonObject attributes, int? expectedVersion, bool replace, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var staged = await StageUpdateAsync(db, schema, id, attributes, expectedVersion, replace, actor, cancellationToken);
        if (!staged.Succeeded)
        {
            return staged;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var fresh = await GetAsync(schema, id, cancellationToken);
            return fresh is null ? Refusal.NotFound(RefusalText.Of("RecordDeletedMeanwhile", schema, id)) : StaleWrite(fresh);
        }
        catch (DbUpdateException)
        {
            if (await GetSchemaAsync(schema, cancellationToken) is { } definition
                && await TakenMeanwhileAsync(definition, staged.Value, cancellationToken) is { } taken)
            {
                return taken;
            }

            throw;
        }

        Changed?.Invoke(id);
        return staged;
    }

    /// <summary>
    /// <see cref="UpdateAsync"/> as epilot's entity API asks it: a write that names the <c>_updated_at</c> it was based on
    /// (<paramref name="basedOn"/>) is refused when the record changed after that instant (to the millisecond, as the API
    /// shows times), and otherwise is based on the version read, so a change in between is refused too.
    /// </summary>
    public async Task<Outcome<EntityRecord>> UpdateBasedOnAsync(
        string schema, string id, JsonObject attributes, DateTimeOffset? basedOn, bool replace, Actor actor, CancellationToken cancellationToken)
    {
        var current = await GetAsync(schema, id, cancellationToken);
        if (current is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoRecordOfSchema", schema, id));
        }

        if (basedOn is { } seen && current.UpdatedAt.ToUnixTimeMilliseconds() > seen.ToUnixTimeMilliseconds())
        {
            return Refusal.Conflict(
                RefusalText.Of("RecordChangedAfterVersion", schema, current.UpdatedBy ?? RefusalText.Of("Someone"), current.UpdatedAt));
        }

        return await UpdateAsync(schema, id, attributes, basedOn is null ? null : current.Version, replace, actor, cancellationToken);
    }

    /// <summary>
    /// The checks and changes of <see cref="UpdateAsync"/> on a unit of work the caller owns and saves, so a record
    /// write can commit together with other changes (a journey submission and the task it completes).
    /// </summary>
    internal async Task<Outcome<EntityRecord>> StageUpdateAsync(
        WorkflowsDbContext db, string schema, string id, JsonObject attributes, int? expectedVersion, bool replace, Actor actor,
        CancellationToken cancellationToken)
    {
        var definition = await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == schema, cancellationToken);
        var record = await db.EntityRecords.SingleOrDefaultAsync(r => r.Id == id && r.Schema == schema && r.DeletedAt == null, cancellationToken);
        if (definition is null || record is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoRecordOfSchema", schema, id));
        }

        if (expectedVersion is { } version && version != record.Version)
        {
            return StaleWrite(record);
        }

        var values = AttributeValues.Normalize(definition, attributes, requireAll: replace);
        if (!values.Succeeded)
        {
            return values.Refusal;
        }

        var merged = replace ? new JsonObject() : (JsonObject)record.Attributes.DeepClone();
        foreach (var (name, value) in values.Value)
        {
            merged[name] = value?.DeepClone();
        }

        RemoveNulls(merged);
        var title = RecordTitle.After(definition, attributes, merged, record);
        if (!title.Succeeded)
        {
            return title.Refusal;
        }

        var changed = merged.Select(pair => pair.Key).Union(record.Attributes.Select(pair => pair.Key))
            .Where(name => !JsonNode.DeepEquals(merged[name], record.Attributes[name]))
            .ToList();
        var titleChanged = title.Value != record.Title;
        record.Attributes = merged;
        record.Title = title.Value;
        record.SearchText = SearchTextOf(record);
        record.UpdatedAt = clock.GetUtcNow();
        record.UpdatedBy = actor.Name;
        record.Version++;
        if (await StageUniqueValuesAsync(db, definition, record, cancellationToken) is { } taken)
        {
            return taken;
        }

        if (changed.Count > 0 || titleChanged)
        {
            await RunHooksAsync(new EntityCommit(db, record, Created: false, changed, actor), cancellationToken);
        }

        return record;
    }

    public async Task<Outcome<EntityRecord>> DeleteAsync(string schema, string id, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.EntityRecords.SingleOrDefaultAsync(r => r.Id == id && r.Schema == schema && r.DeletedAt == null, cancellationToken);
        if (record is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoRecordOfSchema", schema, id));
        }

        record.DeletedAt = clock.GetUtcNow();
        record.UpdatedBy = actor.Name;
        record.Version++;
        db.UniqueValues.RemoveRange(await db.UniqueValues.Where(u => u.RecordId == id).ToListAsync(cancellationToken)); // free for a new record
        db.FilterableValues.RemoveRange(await db.FilterableValues.Where(v => v.RecordId == id).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke(record.Id);
        return record;
    }

    private async Task RunHooksAsync(EntityCommit commit, CancellationToken cancellationToken)
    {
        foreach (var hook in hooks)
        {
            await hook.OnCommitAsync(commit, cancellationToken);
        }
    }

    internal static string SearchTextOf(EntityRecord record)
    {
        var parts = new List<string> { record.Title, record.Id };
        parts.AddRange(record.Attributes
            .Where(pair => pair.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            .Select(pair => pair.Value!.GetValue<string>()));
        var text = string.Join(' ', parts).ToLowerInvariant();
        return text.Length > 2000 ? text[..2000] : text;
    }

    internal static Refusal StaleWrite(EntityRecord current) =>
        Refusal.Conflict(RefusalText.Of("RecordChangedMeanwhile", current.UpdatedBy ?? RefusalText.Of("Someone"), current.UpdatedAt));

    private static bool Matches(EntityRecord record, IReadOnlyList<KeyValuePair<string, string>> filters) =>
        filters.All(filter => filter.Key switch
        {
            "_id" => record.Id == filter.Value,
            "_title" => record.Title.Contains(filter.Value, StringComparison.OrdinalIgnoreCase),
            _ => record.Attributes[filter.Key] switch
            {
                JsonArray array => array.Any(item => string.Equals(item?.ToString(), filter.Value, StringComparison.OrdinalIgnoreCase)),
                JsonNode node => string.Equals(node.ToString(), filter.Value, StringComparison.OrdinalIgnoreCase),
                null => false,
            },
        });

    private static void RemoveNulls(JsonObject values)
    {
        foreach (var key in values.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            values.Remove(key);
        }
    }
}
