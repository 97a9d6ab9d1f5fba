using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Localization;

namespace Workflows.Core.Teams;

/// <summary>The teams an administrator keeps: list, create, rename, change members and round-robin, delete.</summary>
public sealed class TeamAdministration(IDbContextFactory<WorkflowsDbContext> databases, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    /// <summary>The prefix of every team id, so a team is told apart from a user or partner id wherever ids are shown.</summary>
    public const string IdPrefix = "team-";

    public async Task<IReadOnlyList<TeamSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await ListAsync(db, cancellationToken);
    }

    /// <summary>Every team with its members, by name.</summary>
    internal static async Task<IReadOnlyList<TeamSummary>> ListAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking().Include(t => t.Members).ToListAsync(cancellationToken);
        return [.. teams.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(Summary)];
    }

    public async Task<Outcome<TeamSummary>> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is { } team
            ? Summary(team)
            : Refusal.NotFound(RefusalText.Of("NoTeam", id));
    }

    /// <summary>The ids of the teams <paramref name="userId"/> belongs to.</summary>
    public async Task<IReadOnlyList<string>> TeamIdsOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId).OrderBy(id => id).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<TeamSummary>> CreateAsync(TeamChange change, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await CheckAsync(db, change, exceptId: null, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var name = change.Name.Trim();
        var team = new Team { Id = await FreeIdAsync(db, name, cancellationToken), Name = name, RoundRobin = change.RoundRobin, CreatedAt = clock.GetUtcNow() };
        team.Members = [.. change.MemberIds.Distinct().Select(userId => new TeamMember { TeamId = team.Id, UserId = userId })];
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return Summary(team);
    }

    /// <summary>Renames the team, switches round-robin and replaces its members; the round-robin cursor is kept.</summary>
    public async Task<Outcome<TeamSummary>> UpdateAsync(string id, TeamChange change, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Teams.Include(t => t.Members).SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } team)
        {
            return Refusal.NotFound(RefusalText.Of("NoTeam", id));
        }

        if (await CheckAsync(db, change, exceptId: id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        team.Name = change.Name.Trim();
        team.RoundRobin = change.RoundRobin;
        var wanted = change.MemberIds.Distinct().ToHashSet(StringComparer.Ordinal);
        team.Members.RemoveAll(m => !wanted.Contains(m.UserId));
        foreach (var userId in wanted.Where(u => !team.Members.Exists(m => m.UserId == u)))
        {
            team.Members.Add(new TeamMember { TeamId = id, UserId = userId });
        }

        await db.SaveChangesAsync(cancellationToken);
        return Summary(team);
    }

    /// <summary>Deletes the team; refused while open tasks are assigned to it, since nobody would see them in a queue.</summary>
    public async Task<Outcome> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Teams.FindAsync([id], cancellationToken) is not { } team)
        {
            return Refusal.NotFound(RefusalText.Of("NoTeam", id));
        }

        var open = await db.FlowTaskAssignees.CountAsync(a => a.AssigneeId == id && a.IsOpen, cancellationToken);
        if (open > 0)
        {
            return Refusal.Conflict(open == 1 ? RefusalText.Of("TeamStillHasTask", team.Name) : RefusalText.Of("TeamStillHasTasks", open, team.Name));
        }

        db.Teams.Remove(team);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success;
    }

    private static TeamSummary Summary(Team team) =>
        new(team.Id, team.Name, team.RoundRobin, [.. team.Members.Select(m => m.UserId).Order(StringComparer.Ordinal)], team.LastAssignee);

    private static async Task<Refusal?> CheckAsync(WorkflowsDbContext db, TeamChange change, string? exceptId, CancellationToken cancellationToken)
    {
        var name = change.Name.Trim();
        if (name.Length == 0)
        {
            return Refusal.Invalid(RefusalText.Of("TeamNameMissing"));
        }

        if (name.Length > MaxNameLength)
        {
            return Refusal.Invalid(RefusalText.Of("NameTooLong", MaxNameLength));
        }

        // Compared in memory: the list is short, and SQLite's lower() folds only ASCII letters.
        var names = await db.Teams.Where(t => t.Id != exceptId).Select(t => t.Name).ToListAsync(cancellationToken);
        if (names.FirstOrDefault(other => string.Equals(other, name, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            return Refusal.Conflict(RefusalText.Of("TeamNameTaken", existing));
        }

        var wanted = change.MemberIds.Distinct().ToList();
        var known = await db.Users.Where(u => wanted.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        return wanted.FirstOrDefault(id => !known.Contains(id)) is { } unknown
            ? Refusal.Invalid(RefusalText.Of("NoUserForTeam", unknown))
            : null;
    }

    /// <summary><c>team-</c> and the name's letters and digits (accents dropped), numbered when taken.</summary>
    private static async Task<string> FreeIdAsync(WorkflowsDbContext db, string name, CancellationToken cancellationToken)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = IdPrefix + (slug.ToString().Trim('-') is { Length: > 0 } s ? s[..Math.Min(s.Length, 40)] : "team");
        var taken = await db.Teams.Where(t => t.Id.StartsWith(stem)).Select(t => t.Id).ToListAsync(cancellationToken);
        var id = stem;
        for (var n = 2; taken.Contains(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }
}
