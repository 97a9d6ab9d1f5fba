using Microsoft.EntityFrameworkCore;
using Workflows.Core.Entities;

namespace Workflows.Core.Flows.Storage;

/// <summary>
/// A renamed record renames itself on its task rows in the same transaction, so the dashboard's record column and its
/// text search show the new title. A workflow change does not write the title back (it derives the stored rows from
/// the document and the record as they are, ADR-026), so this is the one place a rename reaches the rows.
/// </summary>
internal sealed class TaskRowRecordTitles : IEntityCommitHook
{
    public async Task OnCommitAsync(EntityCommit commit, CancellationToken cancellationToken)
    {
        if (commit.Created)
        {
            return;
        }

        var record = commit.Record;
        var rows = await commit.Db.FlowTasks
            .Where(r => r.EntityId == record.Id && r.EntitySchema == record.Schema && r.EntityTitle != record.Title)
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.EntityTitle = record.Title;
            row.SearchText = TaskRows.SearchTextOf(row.Name, row.WorkflowName, record.Title);
        }
    }
}
