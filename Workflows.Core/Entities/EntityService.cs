using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Identity;

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

    public async Task<Outcome<RecordPage>> SearchAsync(string schema, RecordQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.EntitySchemas.AnyAsync(s => s.Slug == schema, cancellationToken))
        {
            return Refusal.NotFound($"There is no schema '{schema}'.");
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
            return Refusal.NotFound($"There is no schema '{schema}'.");
        }

        var values = AttributeValues.Normalize(definition, attributes, requireAll: true);
        if (!values.Succeeded)
        {
            return values.Refusal;
        }

        RemoveNulls(values.Value);
        var title = RecordTitle.After(definition.TitleTemplate, attributes, values.Value, before: null);
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
        await RunHooksAsync(new EntityCommit(db, record, Created: true, [.. record.Attributes.Select(pair => pair.Key)], actor), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke(record.Id);
        return record;
    }

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
            return fresh is null ? Refusal.NotFound($"The {schema} '{id}' was deleted meanwhile.") : StaleWrite(fresh);
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
            return Refusal.NotFound($"There is no {schema} with id '{id}'.");
        }

        if (basedOn is { } seen && current.UpdatedAt.ToUnixTimeMilliseconds() > seen.ToUnixTimeMilliseconds())
        {
            return Refusal.Conflict(
                $"This {schema} was changed by {current.UpdatedBy ?? "someone"} at {current.UpdatedAt:yyyy-MM-ddTHH:mm:ss.fffZ}, after the version you sent.");
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
            return Refusal.NotFound($"There is no {schema} with id '{id}'.");
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
        var title = RecordTitle.After(definition.TitleTemplate, attributes, merged, record);
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
            return Refusal.NotFound($"There is no {schema} with id '{id}'.");
        }

        record.DeletedAt = clock.GetUtcNow();
        record.UpdatedBy = actor.Name;
        record.Version++;
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

    internal static Refusal StaleWrite(EntityRecord current) => Refusal.Conflict(
        $"This record was changed by {current.UpdatedBy ?? "someone"} at {current.UpdatedAt:yyyy-MM-dd HH:mm:ss} UTC. " +
        "Reload it to see their changes, then apply yours again.");

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
