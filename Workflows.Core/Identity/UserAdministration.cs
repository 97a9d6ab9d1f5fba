using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.Data;
using Workflows.Core.Localization;

namespace Workflows.Core.Identity;

/// <summary>
/// What an administrator does with users: list and search them, create them, change their roles and partner
/// organisation, lock and unlock them, and set a new password.
/// </summary>
/// <remarks>
/// Each operation runs in its own DI scope: <see cref="UserManager{TUser}"/> and its store share one
/// <see cref="WorkflowsDbContext"/>, and an interactive page lives for hours, so a context kept for the whole
/// page would serve stale users and stay broken after a failed save.
/// </remarks>
public sealed class UserAdministration(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    private static readonly EmailAddressAttribute EmailFormat = new();

    public async Task<UserList> ListUsersAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();

        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var lower = search.Trim().ToLowerInvariant();
            var upper = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.DisplayName.ToLower().Contains(lower)
                || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Skip(page * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.PartnerId,
                PartnerName = u.Partner == null ? null : u.Partner.Name,
                u.LockoutEnd,
                u.Absent,
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var roles = (await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where ids.Contains(userRole.UserId)
                select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);

        var now = clock.GetUtcNow();
        var users = rows.Select(r => new UserSummary
        {
            Id = r.Id,
            DisplayName = r.DisplayName,
            Email = r.Email ?? "",
            Roles = [.. roles[r.Id].OrderBy(RoleOrder)],
            PartnerId = r.PartnerId,
            PartnerName = r.PartnerName,
            LockedUntil = r.LockoutEnd > now ? r.LockoutEnd : null,
            Absent = r.Absent,
        }).ToList();
        return new UserList(users, total);
    }

    public async Task<Outcome<UserSummary>> CreateUserAsync(NewUser request, CancellationToken cancellationToken)
    {
        var displayName = request.DisplayName.Trim();
        var email = request.Email.Trim();
        if (displayName.Length == 0)
        {
            return Refusal.Invalid(RefusalText.Of("PersonNameMissing"));
        }

        if (displayName.Length > MaxNameLength)
        {
            return Refusal.Invalid(RefusalText.Of("NameTooLong", MaxNameLength));
        }

        if (email.Length == 0)
        {
            return Refusal.Invalid(RefusalText.Of("EmailMissing"));
        }

        if (!EmailFormat.IsValid(email))
        {
            return Refusal.Invalid(RefusalText.Of("EmailInvalid", email));
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            return Refusal.Invalid(RefusalText.Of("InitialPasswordMissing"));
        }

        var partnerId = string.IsNullOrWhiteSpace(request.PartnerId) ? null : request.PartnerId;
        if (CheckAccess(request.Roles, partnerId, out var roles) is { } refusal)
        {
            return refusal;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var partner = partnerId is null ? null : await db.Partners.FindAsync([partnerId], cancellationToken);
        if (partnerId is not null && partner is null)
        {
            return Refusal.NotFound(RefusalText.Of("ThatPartnerGone"));
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            return Refusal.Conflict(RefusalText.Of("EmailTaken", email));
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            PartnerId = partnerId,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return Refusal.Invalid(Describe(created));
        }

        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            return Refusal.Invalid(Describe(added));
        }

        await transaction.CommitAsync(cancellationToken);
        return new UserSummary
        {
            Id = user.Id,
            DisplayName = displayName,
            Email = email,
            Roles = roles,
            PartnerId = partnerId,
            PartnerName = partner?.Name,
        };
    }

    /// <summary>
    /// Sets the user's roles and partner organisation together, because the Partner role and the organisation
    /// only make sense as a pair.
    /// </summary>
    /// <param name="actingUserId">The administrator making the change; they may not take away their own Admin role.</param>
    public async Task<Outcome> ChangeRolesAsync(
        string actingUserId, string userId, IReadOnlyCollection<string> roles, string? partnerId, CancellationToken cancellationToken)
    {
        partnerId = string.IsNullOrWhiteSpace(partnerId) ? null : partnerId;
        if (CheckAccess(roles, partnerId, out var wanted) is { } refusal)
        {
            return refusal;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Refusal.NotFound(RefusalText.Of("UserGone"));
        }

        if (partnerId is not null && !await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return Refusal.NotFound(RefusalText.Of("ThatPartnerGone"));
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
        {
            if (user.Id == actingUserId)
            {
                return Refusal.Invalid(
                    RefusalText.Of("OwnAdminRole"));
            }

            if (await IsLastActiveAdminAsync(users, user))
            {
                return Refusal.Invalid(
                    RefusalText.Of("LastAdmin", user.DisplayName));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        if (!removed.Succeeded)
        {
            return Refusal.Invalid(Describe(removed));
        }

        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!added.Succeeded)
        {
            return Refusal.Invalid(Describe(added));
        }

        if (user.PartnerId != partnerId)
        {
            user.PartnerId = partnerId;
            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return Refusal.Invalid(Describe(updated));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Success;
    }

    /// <summary>Stops the user from signing in until unlocked; sessions they have open end at the next security check.</summary>
    public async Task<Outcome> LockAsync(string actingUserId, string userId, CancellationToken cancellationToken)
    {
        if (userId == actingUserId)
        {
            return Refusal.Invalid(RefusalText.Of("OwnAccountLock"));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Refusal.NotFound(RefusalText.Of("UserGone"));
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(users, user))
        {
            return Refusal.Invalid(RefusalText.Of("LastAdminLock", user.DisplayName));
        }

        return await InOneTransactionAsync(db, cancellationToken,
            () => users.SetLockoutEnabledAsync(user, true),
            () => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
            // A new stamp makes the cookie and the interactive session of the user fail their next validation.
            () => users.UpdateSecurityStampAsync(user));
    }

    /// <summary>Marks the user absent or back: round-robin teams skip an absent member when handing out new tasks.</summary>
    public async Task<Outcome> SetAbsentAsync(string userId, bool absent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.Absent, absent), cancellationToken);
        return changed == 1 ? Outcome.Success : Refusal.NotFound(RefusalText.Of("UserGone"));
    }

    /// <summary>Lets the user sign in again, whether an administrator locked them or too many wrong passwords did.</summary>
    public async Task<Outcome> UnlockAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Refusal.NotFound(RefusalText.Of("UserGone"));
        }

        return await InOneTransactionAsync(db, cancellationToken,
            () => users.SetLockoutEndDateAsync(user, null),
            () => users.ResetAccessFailedCountAsync(user));
    }

    /// <summary>Runs Identity's steps in order in one transaction: the first refusal stops them and keeps nothing.</summary>
    private static async Task<Outcome> InOneTransactionAsync(
        WorkflowsDbContext db, CancellationToken cancellationToken, params Func<Task<IdentityResult>>[] steps)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return Refusal.Invalid(Describe(result));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Success;
    }

    /// <summary>Replaces the user's password with one the administrator chose; Identity's password rules apply.</summary>
    public async Task<Outcome> ResetPasswordAsync(string userId, string newPassword, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(newPassword))
        {
            return Refusal.Invalid(RefusalText.Of("NewPasswordMissingEnter"));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Refusal.NotFound(RefusalText.Of("UserGone"));
        }

        // Remove and add in one transaction: a password the rules refuse leaves the old one in place.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await users.RemovePasswordAsync(user);
        if (!removed.Succeeded)
        {
            return Refusal.Invalid(Describe(removed));
        }

        var added = await users.AddPasswordAsync(user, newPassword);
        if (!added.Succeeded)
        {
            return Refusal.Invalid(Describe(added));
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Success;
    }

    /// <summary>The rules every combination of roles and partner organisation must follow.</summary>
    private static Refusal? CheckAccess(IReadOnlyCollection<string> requested, string? partnerId, out List<string> roles)
    {
        roles = [];
        foreach (var name in requested.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var role = Roles.All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
            if (role is null)
            {
                return Refusal.Invalid(RefusalText.Of("NoRole", name));
            }

            roles.Add(role);
        }

        roles.Sort((left, right) => RoleOrder(left).CompareTo(RoleOrder(right)));
        var isPartner = roles.Contains(Roles.Partner);
        return roles switch
        {
            [] => Refusal.Invalid(RefusalText.Of("RoleMissing")),
            [_, _, ..] when isPartner => Refusal.Invalid(
                RefusalText.Of("PartnerRoleAlone")),
            _ when isPartner && partnerId is null => Refusal.Invalid(
                RefusalText.Of("PartnerRoleNeedsOrganisation")),
            _ when !isPartner && partnerId is not null => Refusal.Invalid(
                RefusalText.Of("OrganisationNeedsPartnerRole")),
            _ => null,
        };
    }

    private async Task<bool> IsLastActiveAdminAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        var now = clock.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(admin => admin.Id != user.Id && !(admin.LockoutEnd > now));
    }

    private static int RoleOrder(string role)
    {
        for (var index = 0; index < Roles.All.Count; index++)
        {
            if (Roles.All[index] == role)
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(error => error.Description));
}
