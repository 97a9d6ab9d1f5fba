using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Dashboard;

/// <summary>Saved dashboard views: a user's own and everyone's shared ones, with a default per user.</summary>
public sealed class SavedViewService(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The dashboard views a user may pick: their own and the shared ones, by name.</summary>
    public Task<IReadOnlyList<SavedView>> ListAsync(string userId, CancellationToken cancellationToken) =>
        ListAsync(userId, SavedView.DashboardKind, cancellationToken);

    /// <summary>The saved views or boards (<paramref name="kind"/>) a user may pick: their own and the shared ones, by name.</summary>
    public async Task<IReadOnlyList<SavedView>> ListAsync(string userId, string kind, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedViews.AsNoTracking()
            .Where(v => v.Kind == kind && (v.OwnerId == userId || v.Shared))
            .OrderBy(v => v.Name)
            .ToListAsync(cancellationToken);
    }

    public Task<SavedView?> DefaultForAsync(string userId, CancellationToken cancellationToken) =>
        DefaultForAsync(userId, SavedView.DashboardKind, cancellationToken);

    /// <summary>The view (or board, by <paramref name="kind"/>) the user chose to open with, while they may still see it.</summary>
    public async Task<SavedView?> DefaultForAsync(string userId, string kind, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var viewId = await db.DefaultViews.AsNoTracking().Where(d => d.UserId == userId && d.Kind == kind).Select(d => d.ViewId).SingleOrDefaultAsync(cancellationToken);
        return viewId is null
            ? null
            : await db.SavedViews.AsNoTracking().SingleOrDefaultAsync(v => v.Id == viewId && v.Kind == kind && (v.OwnerId == userId || v.Shared), cancellationToken);
    }

    public Task<Outcome<SavedView>> SaveAsync(string name, DashboardView view, bool shared, Actor owner, CancellationToken cancellationToken) =>
        SaveAsync(name, SavedView.DashboardKind, (view with { Page = 0 }).ToQueryString(), shared, owner, cancellationToken);

    public Task<Outcome<SavedView>> SaveBoardAsync(string name, BoardView board, bool shared, Actor owner, CancellationToken cancellationToken) =>
        SaveAsync(name, SavedView.BoardKind, board.ToQueryString(), shared, owner, cancellationToken);

    private async Task<Outcome<SavedView>> SaveAsync(string name, string kind, string query, bool shared, Actor owner, CancellationToken cancellationToken)
    {
        var problem = CheckName(name);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var trimmed = name.Trim();
        if (await db.SavedViews.AnyAsync(v => v.OwnerId == owner.Id && v.Kind == kind && v.Name == trimmed, cancellationToken))
        {
            return Refusal.Conflict(RefusalText.Of(kind == SavedView.BoardKind ? "BoardNameTaken" : "ViewNameTaken", trimmed));
        }

        var now = clock.GetUtcNow();
        var saved = new SavedView
        {
            Id = Guid.NewGuid().ToString(),
            OwnerId = owner.Id,
            OwnerName = owner.Name,
            Name = trimmed,
            Query = query,
            Shared = shared,
            Kind = kind,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SavedViews.Add(saved);
        await db.SaveChangesAsync(cancellationToken);
        return saved;
    }

    public async Task<Outcome<SavedView>> RenameAsync(string viewId, string name, Actor actor, CancellationToken cancellationToken)
    {
        var problem = CheckName(name);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var view = await OwnAsync(db, viewId, actor, cancellationToken);
        if (!view.Succeeded)
        {
            return view.Refusal;
        }

        view.Value.Name = name.Trim();
        view.Value.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return view.Value;
    }

    public async Task<Outcome<bool>> DeleteAsync(string viewId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var view = await OwnAsync(db, viewId, actor, cancellationToken);
        if (!view.Succeeded)
        {
            return view.Refusal;
        }

        db.SavedViews.Remove(view.Value);
        await db.DefaultViews.Where(d => d.ViewId == viewId).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<Outcome<bool>> SetDefaultAsync(string? viewId, Actor actor, CancellationToken cancellationToken) =>
        SetDefaultAsync(viewId, SavedView.DashboardKind, actor, cancellationToken);

    /// <summary>Makes a view (or board, by <paramref name="kind"/>) the user's default; null clears it.</summary>
    public async Task<Outcome<bool>> SetDefaultAsync(string? viewId, string kind, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (viewId is not null && !await db.SavedViews.AnyAsync(v => v.Id == viewId && v.Kind == kind && (v.OwnerId == actor.Id || v.Shared), cancellationToken))
        {
            return Refusal.NotFound(RefusalText.Of("ViewGone"));
        }

        var current = await db.DefaultViews.SingleOrDefaultAsync(d => d.UserId == actor.Id && d.Kind == kind, cancellationToken);
        if (viewId is null)
        {
            if (current is not null)
            {
                db.DefaultViews.Remove(current);
            }
        }
        else if (current is null)
        {
            db.DefaultViews.Add(new DefaultView { UserId = actor.Id, ViewId = viewId, Kind = kind });
        }
        else
        {
            current.ViewId = viewId;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The shared view or board of <paramref name="kind"/> that opens for everyone whose URL names none, if any.</summary>
    public async Task<SavedView?> OrganisationDefaultAsync(string kind, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedViews.AsNoTracking().FirstOrDefaultAsync(v => v.Kind == kind && v.Shared && v.OrganisationDefault, cancellationToken);
    }

    /// <summary>
    /// Makes a shared view or board the organisation's default of its kind (null <paramref name="viewId"/> clears the
    /// default of <paramref name="kind"/>). Only those who may look at everyone's tasks decide what everyone opens with.
    /// </summary>
    public async Task<Outcome<bool>> SetOrganisationDefaultAsync(string? viewId, string kind, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TaskAccess.MayViewAnyone(user))
        {
            return Refusal.Forbidden(RefusalText.Of("DefaultViewManagersOnly"));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = viewId is null ? null : await db.SavedViews.SingleOrDefaultAsync(v => v.Id == viewId && v.Kind == kind, cancellationToken);
        if (viewId is not null && chosen is null)
        {
            return Refusal.NotFound(RefusalText.Of("ViewGone"));
        }

        if (chosen is { Shared: false })
        {
            return Refusal.Invalid(RefusalText.Of("DefaultViewNotShared", chosen.Name));
        }

        await db.SavedViews.Where(v => v.Kind == kind && v.OrganisationDefault).ExecuteUpdateAsync(u => u.SetProperty(v => v.OrganisationDefault, false), cancellationToken);
        if (chosen is not null)
        {
            chosen.OrganisationDefault = true;
            chosen.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private static async Task<Outcome<SavedView>> OwnAsync(WorkflowsDbContext db, string viewId, Actor actor, CancellationToken cancellationToken)
    {
        var view = await db.SavedViews.SingleOrDefaultAsync(v => v.Id == viewId, cancellationToken);
        if (view is null)
        {
            return Refusal.NotFound(RefusalText.Of("ViewGone"));
        }

        return view.OwnerId == actor.Id ? view : Refusal.Forbidden(RefusalText.Of("ViewOwnerOnly", view.OwnerName));
    }

    private static Refusal? CheckName(string name) =>
        string.IsNullOrWhiteSpace(name) ? Refusal.Invalid(RefusalText.Of("ViewNameMissing"))
        : name.Trim().Length > 100 ? Refusal.Invalid(RefusalText.Of("ViewNameTooLong"))
        : null;
}
