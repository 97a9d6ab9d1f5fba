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

    /// <summary>Everyone who can be assigned, named by id: people, then partner organisations, then teams.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken) =>
        Names(await ListPeopleAsync(cancellationToken), await ListPartnersAsync(cancellationToken), await ListTeamsAsync(cancellationToken));

    /// <inheritdoc cref="NamesAsync"/>
    public static IReadOnlyDictionary<string, string> Names(IEnumerable<Person> people, IEnumerable<Partner> partners, IEnumerable<TeamSummary> teams)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in people.Select(p => (p.Id, p.Name)).Concat(partners.Select(p => (p.Id, p.Name))).Concat(teams.Select(t => (t.Id, t.Name))))
        {
            names.TryAdd(id, name);
        }

        return names;
    }
}
