using Microsoft.EntityFrameworkCore;

namespace Workflows.Core.Entities;

/// <summary>
/// Keeps a record's filterable values in step with its writes, in the same transaction: a new record adds its values,
/// a change replaces the values of the filterable attributes it changed. A schema newly marking an attribute
/// filterable fills the index for its records itself (<see cref="EntityService.SaveSchemaAsync"/>).
/// </summary>
internal sealed class FilterableValueIndex : IEntityCommitHook
{
    public async Task OnCommitAsync(EntityCommit commit, CancellationToken cancellationToken)
    {
        var record = commit.Record;
        var schema = await commit.Db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == record.Schema, cancellationToken);
        var changed = schema?.Attributes.Where(a => a.Filterable && commit.ChangedAttributes.Contains(a.Name)).ToList() ?? [];
        if (schema is null || changed.Count == 0)
        {
            return;
        }

        if (!commit.Created)
        {
            var names = changed.ConvertAll(a => a.Name);
            commit.Db.FilterableValues.RemoveRange(await commit.Db.FilterableValues
                .Where(v => v.RecordId == record.Id && names.Contains(v.Attribute)).ToListAsync(cancellationToken));
        }

        commit.Db.FilterableValues.AddRange(FilterableValues.Of(schema, changed, record.Id, record.Attributes));
    }
}
