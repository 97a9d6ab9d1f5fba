using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Localization;

namespace Workflows.Core.Identity;

/// <summary>The partner organisations an administrator keeps: list, create, rename, delete while nobody belongs to it.</summary>
public sealed class PartnerAdministration(IDbContextFactory<WorkflowsDbContext> databases, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    private static readonly EmailAddressAttribute EmailFormat = new();

    public async Task<IReadOnlyList<PartnerSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Partners
            .OrderBy(p => p.Name)
            .Select(p => new PartnerSummary(p.Id, p.Name, p.Email, db.Users.Count(u => u.PartnerId == p.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome<PartnerSummary>> CreateAsync(string name, string? email, CancellationToken cancellationToken)
    {
        if (Check(ref name, ref email) is { } refusal)
        {
            return refusal;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await FindNamedAsync(db, name, exceptId: null, cancellationToken) is { } existing)
        {
            return Refusal.Conflict(RefusalText.Of("PartnerNameTaken", existing));
        }

        var partner = new Partner { Id = Guid.NewGuid().ToString("N"), Name = name, Email = email, CreatedAt = clock.GetUtcNow() };
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return new PartnerSummary(partner.Id, partner.Name, partner.Email, 0);
    }

    /// <summary>Renames the organisation and sets its e-mail address.</summary>
    public async Task<Outcome<PartnerSummary>> UpdateAsync(string id, string name, string? email, CancellationToken cancellationToken)
    {
        if (Check(ref name, ref email) is { } refusal)
        {
            return refusal;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Partners.FindAsync([id], cancellationToken) is not { } partner)
        {
            return Refusal.NotFound(RefusalText.Of("PartnerGone"));
        }

        if (await FindNamedAsync(db, name, exceptId: id, cancellationToken) is { } existing)
        {
            return Refusal.Conflict(RefusalText.Of("PartnerNameTaken", existing));
        }

        partner.Name = name;
        partner.Email = email;
        await db.SaveChangesAsync(cancellationToken);
        var userCount = await db.Users.CountAsync(u => u.PartnerId == id, cancellationToken);
        return new PartnerSummary(partner.Id, partner.Name, partner.Email, userCount);
    }

    /// <summary>Deletes the organisation; refused while users belong to it, because their tasks would lose their owner.</summary>
    public async Task<Outcome> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Partners.FindAsync([id], cancellationToken) is not { } partner)
        {
            return Refusal.NotFound(RefusalText.Of("PartnerGone"));
        }

        var members = await db.Users
            .Where(u => u.PartnerId == id)
            .OrderBy(u => u.DisplayName)
            .Select(u => u.DisplayName)
            .ToListAsync(cancellationToken);
        if (members.Count > 0)
        {
            var who = members.Count <= 3 ? string.Join(", ", members) : RefusalText.Of("ListAndMore", string.Join(", ", members.Take(3)), members.Count - 3);
            var users = members.Count == 1 ? RefusalText.Of("OneUser") : RefusalText.Of("Users", members.Count);
            return Refusal.Conflict(RefusalText.Of("PartnerStillHasUsers", partner.Name, users, who));
        }

        db.Partners.Remove(partner);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success;
    }

    private static Refusal? Check(ref string name, ref string? email)
    {
        name = name.Trim();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (name.Length == 0)
        {
            return Refusal.Invalid(RefusalText.Of("OrganisationNameMissing"));
        }

        if (name.Length > MaxNameLength)
        {
            return Refusal.Invalid(RefusalText.Of("NameTooLong", MaxNameLength));
        }

        if (email is not null && !EmailFormat.IsValid(email))
        {
            return Refusal.Invalid(RefusalText.Of("EmailInvalid", email));
        }

        return null;
    }

    /// <summary>
    /// The name of another organisation equal to <paramref name="name"/> ignoring case. Compared in memory: the list
    /// is short, and SQLite's <c>lower()</c> folds only ASCII letters (Ö, Ü would slip through).
    /// </summary>
    private static async Task<string?> FindNamedAsync(WorkflowsDbContext db, string name, string? exceptId, CancellationToken cancellationToken)
    {
        var names = await db.Partners.Where(p => p.Id != exceptId).Select(p => p.Name).ToListAsync(cancellationToken);
        return names.FirstOrDefault(other => string.Equals(other, name, StringComparison.OrdinalIgnoreCase));
    }
}
