using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Core.Data;
using Workflows.Core.Localization;

namespace Workflows.Core.Identity;

/// <summary>
/// Creates or promotes the first administrator of an installation: by the <c>create-admin</c> command, or from the
/// <see cref="BootstrapAdminOptions"/> at start. Running it again is harmless: an existing user keeps their password
/// unless a reset is asked for, and only gains the Admin role.
/// </summary>
public sealed class FirstAdmin(IServiceScopeFactory scopes)
{
    private static readonly EmailAddressAttribute EmailFormat = new();

    /// <summary>
    /// Makes the user with <paramref name="email"/> an administrator, creating them when there is none.
    /// <paramref name="password"/> is asked only when one is needed (a new user, or <paramref name="resetPassword"/>);
    /// Identity's password rules apply to it.
    /// </summary>
    public async Task<Outcome<AdminEnsured>> EnsureAsync(
        string email, string? name, Func<string?> password, bool resetPassword, CancellationToken cancellationToken)
    {
        email = email.Trim();
        if (email.Length == 0 || !EmailFormat.IsValid(email))
        {
            return Refusal.Invalid(RefusalText.Of("EmailInvalid", email));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(email);
        Outcome<AdminEnsured> outcome = user is null
            ? await CreateAsync(users, email, name?.Trim(), password)
            : await PromoteAsync(users, user, password, resetPassword);
        if (outcome.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Uses the bootstrap settings while no administrator who can sign in exists (a password-less API bootstrap user
    /// does not count); afterwards they change nothing and are answered <see cref="AdminChange.NotNeeded"/>.
    /// </summary>
    public async Task<Outcome<AdminEnsured>> BootstrapAsync(BootstrapAdminOptions options, CancellationToken cancellationToken)
    {
        if (!options.IsComplete)
        {
            return Refusal.Invalid(RefusalText.Of("BootstrapSettingsTogether"));
        }

        if (await SignInAdminAsync() is { } existing)
        {
            return existing;
        }

        try
        {
            return await EnsureAsync(options.AdminEmail!, options.AdminName, () => options.AdminPassword, resetPassword: false, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two instances started at once on an empty database, and the other one created the administrator.
            if (await SignInAdminAsync() is { } created)
            {
                return created;
            }

            throw;
        }
    }

    private async Task<AdminEnsured?> SignInAdminAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.FirstOrDefault(a => a.PasswordHash is not null) is { } admin
            ? new AdminEnsured(AdminChange.NotNeeded, admin.Email ?? "", PasswordSet: false)
            : null;
    }

    private static async Task<Outcome<AdminEnsured>> CreateAsync(UserManager<ApplicationUser> users, string email, string? name, Func<string?> password)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Refusal.Invalid(RefusalText.Of("AdminNameMissing", email));
        }

        if (name.Length > UserAdministration.MaxNameLength)
        {
            return Refusal.Invalid(RefusalText.Of("NameTooLong", UserAdministration.MaxNameLength));
        }

        if (password() is not { Length: > 0 } chosen)
        {
            return Refusal.Invalid(RefusalText.Of("AdminPasswordMissing"));
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, chosen);
        if (!created.Succeeded)
        {
            return Refusal.Invalid(Describe(created));
        }

        var added = await users.AddToRoleAsync(user, Roles.Admin);
        return added.Succeeded ? new AdminEnsured(AdminChange.Created, email, PasswordSet: true) : Refusal.Invalid(Describe(added));
    }

    private static async Task<Outcome<AdminEnsured>> PromoteAsync(
        UserManager<ApplicationUser> users, ApplicationUser user, Func<string?> password, bool resetPassword)
    {
        var email = user.Email ?? "";
        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Partner))
        {
            return Refusal.Invalid(RefusalText.Of("PartnerUserCannotBeAdmin", email));
        }

        var change = roles.Contains(Roles.Admin) ? AdminChange.AlreadyAdmin : AdminChange.Promoted;
        if (change == AdminChange.Promoted && await users.AddToRoleAsync(user, Roles.Admin) is { Succeeded: false } added)
        {
            return Refusal.Invalid(Describe(added));
        }

        if (!resetPassword)
        {
            return new AdminEnsured(change, email, PasswordSet: false);
        }

        if (password() is not { Length: > 0 } chosen)
        {
            return Refusal.Invalid(RefusalText.Of("NewPasswordMissing"));
        }

        // A reset is how a locked-out administrator gets back in: it also lifts a lockout.
        foreach (var step in new Func<Task<IdentityResult>>[]
                 {
                     () => user.PasswordHash is null ? Task.FromResult(IdentityResult.Success) : users.RemovePasswordAsync(user),
                     () => users.AddPasswordAsync(user, chosen),
                     () => users.SetLockoutEndDateAsync(user, null),
                 })
        {
            if (await step() is { Succeeded: false } failed)
            {
                return Refusal.Invalid(Describe(failed));
            }
        }

        return new AdminEnsured(change, email, PasswordSet: true);
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(error => error.Description));
}
