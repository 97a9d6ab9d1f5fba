using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Teams;

namespace Workflows.Core.Identity;

/// <summary>Looks up users, partner organisations and teams by id, for pickers and for names beside ids.</summary>
public sealed class UserDirectory(IDbContextFactory<WorkflowsDbContext> dbFactory)
{
    public async Task<IReadOnlyList<Person>> ListPeopleAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PartnerId, u.Absent })
            .ToListAsync(cancellationToken);
        return [.. users
            .Select(u => new Person(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.Email ?? "", u.PartnerId, u.Absent))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<IReadOnlyList<Partner>> ListPartnersAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Partners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TeamSummary>> ListTeamsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TeamAdministration.ListAsync(db, cancellationToken);
    }
}
