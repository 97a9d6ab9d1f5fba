using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.ClosingReasons;

/// <summary>
/// The one catalogue of closing reasons that templates pick from. Setting a reason
/// <see cref="ClosingReasonStatus.INACTIVE"/> is the usual way to retire it; deleting it for good is allowed only while
/// no template offers it. Executions keep their own copy (id and title) of the reasons they were started with, so
/// closed workflows still show a deleted reason's title.
/// </summary>
public sealed class ClosingReasonCatalogue(IDbContextFactory<WorkflowsDbContext> databases, TimeProvider clock)
{
    public const int MaxTitleLength = 200;

    public async Task<IReadOnlyList<ClosingReason>> ListAsync(bool includeInactive, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var reasons = db.ClosingReasons.AsNoTracking();
        if (!includeInactive)
        {
            reasons = reasons.Where(r => r.Status == ClosingReasonStatus.ACTIVE);
        }

        return await reasons.OrderBy(r => r.Title).ToListAsync(cancellationToken);
    }

    public async Task<ClosingReason?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ClosingReasons.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>Deletes a reason for good; refused, naming them, while templates still offer it.</summary>
    public async Task<Outcome> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.ClosingReasons.FindAsync([id], cancellationToken) is not { } reason)
        {
            return Refusal.NotFound(RefusalText.Of("ClosingReasonGone"));
        }

        // The text filter narrows the documents to read; reading them decides, so an id inside a name never counts.
        var candidates = await db.FlowTemplates.AsNoTracking()
            .Where(t => t.DeletedAt == null && t.Document.Contains(id))
            .Select(t => t.Document)
            .ToListAsync(cancellationToken);
        var users = candidates.Select(FlowTemplateService.Deserialize)
            .Where(t => t.ClosingReasons?.Exists(r => r.Id == id) == true)
            .Select(t => RefusalText.Of("Quoted", t.Name))
            .ToList();
        if (users.Count > 0)
        {
            var offeredBy = users.Count > 5 ? RefusalText.Of("ListAndMore", string.Join(", ", users.Take(5)), users.Count - 5) : string.Join(", ", users);
            return Refusal.Conflict(RefusalText.Of("ClosingReasonInUse", reason.Title, offeredBy));
        }

        db.ClosingReasons.Remove(reason);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success;
    }

    /// <summary>Adds a reason to the catalogue, active unless <paramref name="status"/> says otherwise; titles are unique, ignoring case.</summary>
    public async Task<Outcome<ClosingReason>> CreateAsync(
        string title, CancellationToken cancellationToken, ClosingReasonStatus status = ClosingReasonStatus.ACTIVE)
    {
        title = title.Trim();
        if ((CheckTitle(title) ?? CheckStatus(status)) is { } refusal)
        {
            return refusal;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await FindTitledAsync(db, title, exceptId: null, cancellationToken) is { } existing)
        {
            return Refusal.Conflict(Duplicate(existing));
        }

        var now = clock.GetUtcNow();
        var reason = new ClosingReason
        {
            Id = Guid.NewGuid().ToString("N"),
            Title = title,
            Status = status,
            CreationTime = now,
            LastUpdateTime = now,
        };
        db.ClosingReasons.Add(reason);
        await db.SaveChangesAsync(cancellationToken);
        return reason;
    }

    /// <summary>
    /// Renames a reason, changes its status, or both: both are checked before either is written, so a refused status
    /// never follows an applied rename.
    /// </summary>
    public async Task<Outcome<ClosingReason>> UpdateAsync(
        string id, string? title, ClosingReasonStatus? status, CancellationToken cancellationToken)
    {
        var problem = title is null ? null : CheckTitle(title.Trim());
        problem ??= status is { } wanted ? CheckStatus(wanted) : null;
        if (problem is not null)
        {
            return problem;
        }

        var result = title is null ? null : await RenameAsync(id, title, cancellationToken);
        if (status is { } newStatus && result is null or { Succeeded: true })
        {
            result = await SetStatusAsync(id, newStatus, cancellationToken);
        }

        return result ?? Refusal.Invalid(RefusalText.Of("ClosingReasonNothingToChange"));
    }

    public async Task<Outcome<ClosingReason>> RenameAsync(string id, string title, CancellationToken cancellationToken)
    {
        title = title.Trim();
        if (CheckTitle(title) is { } refusal)
        {
            return refusal;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.ClosingReasons.FindAsync([id], cancellationToken) is not { } reason)
        {
            return Refusal.NotFound(RefusalText.Of("ClosingReasonGone"));
        }

        if (await FindTitledAsync(db, title, exceptId: id, cancellationToken) is { } existing)
        {
            return Refusal.Conflict(Duplicate(existing));
        }

        reason.Title = title;
        reason.LastUpdateTime = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return reason;
    }

    public async Task<Outcome<ClosingReason>> SetStatusAsync(string id, ClosingReasonStatus status, CancellationToken cancellationToken)
    {
        if (CheckStatus(status) is { } refusal)
        {
            return refusal;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.ClosingReasons.FindAsync([id], cancellationToken) is not { } reason)
        {
            return Refusal.NotFound(RefusalText.Of("ClosingReasonGone"));
        }

        if (reason.Status != status)
        {
            reason.Status = status;
            reason.LastUpdateTime = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return reason;
    }

    private static Refusal? CheckTitle(string title) => title.Length switch
    {
        0 => Refusal.Invalid(RefusalText.Of("ClosingReasonTitleMissing")),
        > MaxTitleLength => Refusal.Invalid(RefusalText.Of("TitleTooLong", MaxTitleLength)),
        _ => null,
    };

    private static Refusal? CheckStatus(ClosingReasonStatus status) =>
        Enum.IsDefined(status) ? null : Refusal.Invalid(RefusalText.Of("ClosingReasonStatusUnknown", status));

    private static string Duplicate(ClosingReason existing) =>
        existing.Status == ClosingReasonStatus.ACTIVE
            ? RefusalText.Of("ClosingReasonExists", existing.Title)
            : RefusalText.Of("ClosingReasonExistsInactive", existing.Title);

    /// <summary>
    /// Another reason whose title equals <paramref name="title"/> ignoring case. Compared in memory: the catalogue is
    /// short, and SQLite's <c>lower()</c> folds only ASCII letters.
    /// </summary>
    private static async Task<ClosingReason?> FindTitledAsync(
        WorkflowsDbContext db, string title, string? exceptId, CancellationToken cancellationToken)
    {
        var others = await db.ClosingReasons.AsNoTracking().Where(r => r.Id != exceptId).ToListAsync(cancellationToken);
        return others.FirstOrDefault(other => string.Equals(other.Title, title, StringComparison.OrdinalIgnoreCase));
    }
}
