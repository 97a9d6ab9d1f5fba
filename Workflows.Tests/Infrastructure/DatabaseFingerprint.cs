using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// A hash of everything an API request could change (templates, executions, closing reasons, record versions and the
/// counts of derived rows, schemas, notes and jobs): equal before and after a refused request means the request changed nothing.
/// </summary>
public static class DatabaseFingerprint
{
    public static async Task<string> OfAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var text = new StringBuilder();
        foreach (var t in await db.FlowTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync())
        {
            text.Append(t.Id).Append(t.Revision).Append(t.Document).Append(t.DeletedAt).Append('|');
        }

        foreach (var e in await db.FlowExecutions.AsNoTracking().OrderBy(e => e.Id).ToListAsync())
        {
            text.Append(e.Id).Append(e.Version).Append(e.Document).Append(e.Deleted).Append('|');
        }

        foreach (var r in await db.ClosingReasons.AsNoTracking().OrderBy(r => r.Id).ToListAsync())
        {
            text.Append(r.Id).Append(r.Title).Append(r.Status).Append(r.LastUpdateTime.ToUnixTimeMilliseconds()).Append('|');
        }

        foreach (var r in await db.EntityRecords.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.Version }).ToListAsync())
        {
            text.Append(r.Id).Append(r.Version).Append('|');
        }

        text.Append(await db.FlowTemplateVersions.CountAsync()).Append('/')
            .Append(await db.FlowTasks.CountAsync()).Append('/')
            .Append(await db.FlowTaskAssignees.CountAsync()).Append('/')
            .Append(await db.FlowEvents.CountAsync()).Append('/')
            .Append(await db.EntityRecords.CountAsync()).Append('/')
            .Append(await db.EntitySchemas.CountAsync()).Append('/')
            .Append(await db.Notes.CountAsync()).Append('/')
            .Append(await db.Jobs.CountAsync());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
