using Microsoft.AspNetCore.Identity;
using Workflows.Core;
using Workflows.Core.Identity;

namespace Workflows.Tests.Data;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private AdminTestDatabase database = null!;
    private string adminId = "";

    public async Task InitializeAsync()
    {
        database = await AdminTestDatabase.CreateAsync();
        adminId = await database.AddUserAsync("Sabine Hoffmann", "admin@workflows.test", Roles.Admin);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private UserAdministration Users => database.Users;

    [Fact]
    public async Task A_created_user_is_listed_with_roles_partner_and_active_status()
    {
        var partnerId = await database.AddPartnerAsync("SolarTech Montage GmbH");

        var created = await Users.CreateUserAsync(new NewUser
        {
            DisplayName = " Klaus Richter ",
            Email = "klaus@solartech.test",
            Password = "Partner!2026",
            Roles = ["partner"],
            PartnerId = partnerId,
        }, CancellationToken.None);

        Assert.True(created.Succeeded, created.Error);
        var listed = (await Users.ListUsersAsync("klaus", 0, 10, CancellationToken.None)).Users.Single();
        Assert.Equal("Klaus Richter", listed.DisplayName);
        Assert.Equal("klaus@solartech.test", listed.Email);
        Assert.Equal([Roles.Partner], listed.Roles);
        Assert.Equal("SolarTech Montage GmbH", listed.PartnerName);
        Assert.False(listed.IsLocked);
        Assert.True(await database.WithUserManagerAsync(async users =>
            await users.CheckPasswordAsync((await users.FindByIdAsync(listed.Id))!, "Partner!2026")));
    }

    [Fact]
    public async Task Listing_searches_name_and_email_ignoring_case_and_pages_by_name()
    {
        await database.AddUserAsync("Jürgen Müller", "j.mueller@workflows.test", Roles.CaseWorker);
        await database.AddUserAsync("Anna Becker", "anna@workflows.test", Roles.Builder);
        await database.AddUserAsync("Zoe Brandt", "zoe@MUELLER-partner.test", Roles.Manager);

        var byName = await Users.ListUsersAsync("müller", 0, 10, CancellationToken.None);
        var byEmail = await Users.ListUsersAsync("Mueller", 0, 10, CancellationToken.None);
        var secondPage = await Users.ListUsersAsync(null, 1, 2, CancellationToken.None);

        Assert.Equal(["Jürgen Müller"], byName.Users.Select(u => u.DisplayName));
        Assert.Equal(["Jürgen Müller", "Zoe Brandt"], byEmail.Users.Select(u => u.DisplayName));
        Assert.Equal(4, secondPage.TotalCount);
        Assert.Equal(["Sabine Hoffmann", "Zoe Brandt"], secondPage.Users.Select(u => u.DisplayName));
    }

    [Fact]
    public async Task Creating_a_user_with_an_email_already_in_use_is_refused()
    {
        var outcome = await Create("Someone Else", "ADMIN@workflows.test", [Roles.Builder]);

        AssertRefused(outcome, "A user with the e-mail ADMIN@workflows.test already exists.", RefusalKind.Conflict);
    }

    [Theory]
    [InlineData("", "x@workflows.test", "Enter the person's name.")]
    [InlineData("Name", " ", "Enter an e-mail address.")]
    [InlineData("Name", "not-an-address", "“not-an-address” is not a valid e-mail address.")]
    public async Task Creating_a_user_without_name_or_valid_email_is_refused(string name, string email, string message)
    {
        AssertRefused(await Create(name, email, [Roles.Builder]), message);
    }

    [Fact]
    public async Task Creating_a_user_with_a_weak_password_reports_identitys_rules()
    {
        var outcome = await Create("Lena Schmidt", "lena@workflows.test", [Roles.CaseWorker], password: "short");

        Assert.False(outcome.Succeeded);
        Assert.Contains("Passwords must be at least 8 characters.", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Passwords must have at least one digit ('0'-'9').", outcome.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await Users.ListUsersAsync(null, 0, 10, CancellationToken.None)).TotalCount);
    }

    [Fact]
    public async Task Creating_a_user_without_a_role_or_with_an_unknown_role_is_refused()
    {
        AssertRefused(await Create("Lena Schmidt", "lena@workflows.test", []), "Give the user at least one role.");
        AssertRefused(await Create("Lena Schmidt", "lena@workflows.test", ["Superuser"]), "There is no role called “Superuser”.");
    }

    [Fact]
    public async Task A_partner_user_needs_an_organisation_and_only_partner_users_may_have_one()
    {
        var partnerId = await database.AddPartnerAsync("Netzwerk Messdienst AG");

        AssertRefused(await Create("Eva Krüger", "eva@messdienst.test", [Roles.Partner]),
            "A user with the Partner role must belong to a partner organisation: choose one.");
        AssertRefused(await Create("Eva Krüger", "eva@messdienst.test", [Roles.CaseWorker], partnerId: partnerId),
            "Only users with the Partner role can belong to a partner organisation: add the role or clear the organisation.");
        AssertRefused(await Create("Eva Krüger", "eva@messdienst.test", [Roles.Partner, Roles.Admin], partnerId: partnerId),
            "The Partner role is for users of partner organisations and cannot be combined with other roles.");
        AssertRefused(await Create("Eva Krüger", "eva@messdienst.test", [Roles.Partner], partnerId: "gone"),
            "That partner organisation no longer exists.", RefusalKind.NotFound);
    }

    [Fact]
    public async Task Changing_roles_replaces_them_and_sets_the_organisation()
    {
        var userId = await database.AddUserAsync("Jonas Becker", "jonas@workflows.test", Roles.Builder);
        var partnerId = await database.AddPartnerAsync("SolarTech Montage GmbH");

        var toStaff = await Users.ChangeRolesAsync(adminId, userId, [Roles.Manager, Roles.CaseWorker], null, CancellationToken.None);
        var staffRoles = (await FindAsync(userId)).Roles;
        var toPartner = await Users.ChangeRolesAsync(adminId, userId, [Roles.Partner], partnerId, CancellationToken.None);

        Assert.True(toStaff.Succeeded, toStaff.Error);
        Assert.Equal([Roles.CaseWorker, Roles.Manager], staffRoles);
        Assert.True(toPartner.Succeeded, toPartner.Error);
        var partnerUser = await FindAsync(userId);
        Assert.Equal([Roles.Partner], partnerUser.Roles);
        Assert.Equal(partnerId, partnerUser.PartnerId);
    }

    [Fact]
    public async Task Taking_the_partner_role_away_keeping_the_organisation_is_refused()
    {
        var partnerId = await database.AddPartnerAsync("SolarTech Montage GmbH");
        var userId = await database.AddUserAsync("Klaus Richter", "klaus@solartech.test", Roles.Partner, partnerId);

        var outcome = await Users.ChangeRolesAsync(adminId, userId, [Roles.CaseWorker], partnerId, CancellationToken.None);

        AssertRefused(outcome, "Only users with the Partner role can belong to a partner organisation: add the role or clear the organisation.");
        Assert.Equal([Roles.Partner], (await FindAsync(userId)).Roles);
    }

    [Fact]
    public async Task Removing_your_own_admin_role_is_refused()
    {
        await database.AddUserAsync("Second Admin", "admin2@workflows.test", Roles.Admin);

        var outcome = await Users.ChangeRolesAsync(adminId, adminId, [Roles.Builder], null, CancellationToken.None);

        AssertRefused(outcome,
            "You cannot remove your own Admin role: you would lock yourself out of administration. Ask another administrator.");
        Assert.Equal([Roles.Admin], (await FindAsync(adminId)).Roles);
    }

    [Fact]
    public async Task Removing_the_admin_role_of_the_last_active_admin_is_refused()
    {
        var otherAdminId = await database.AddUserAsync("Locked Admin", "admin2@workflows.test", Roles.Admin);
        Assert.True((await Users.LockAsync(adminId, otherAdminId, CancellationToken.None)).Succeeded);

        var outcome = await Users.ChangeRolesAsync("someone-else", adminId, [Roles.Builder], null, CancellationToken.None);

        AssertRefused(outcome, "Sabine Hoffmann is the last active administrator; make someone else an administrator first.");
    }

    [Fact]
    public async Task An_admin_may_remove_the_admin_role_of_another_admin()
    {
        var otherAdminId = await database.AddUserAsync("Second Admin", "admin2@workflows.test", Roles.Admin);

        var outcome = await Users.ChangeRolesAsync(adminId, otherAdminId, [Roles.Manager], null, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal([Roles.Manager], (await FindAsync(otherAdminId)).Roles);
    }

    [Fact]
    public async Task Locking_yourself_is_refused()
    {
        AssertRefused(await Users.LockAsync(adminId, adminId, CancellationToken.None), "You cannot lock your own account.");
    }

    [Fact]
    public async Task Locking_the_last_active_admin_is_refused()
    {
        var builderId = await database.AddUserAsync("Jonas Becker", "jonas@workflows.test", Roles.Builder);

        var outcome = await Users.LockAsync(builderId, adminId, CancellationToken.None);

        AssertRefused(outcome, "Sabine Hoffmann is the last active administrator and cannot be locked.");
    }

    [Fact]
    public async Task A_locked_user_stays_locked_out_until_unlocked()
    {
        var userId = await database.AddUserAsync("Lena Schmidt", "lena@workflows.test", Roles.CaseWorker);
        var stampBefore = await database.WithUserManagerAsync(async users => (await users.FindByIdAsync(userId))!.SecurityStamp);

        var locked = await Users.LockAsync(adminId, userId, CancellationToken.None);
        var whileLocked = await FindAsync(userId);
        var (lockedOut, stampAfter) = await database.WithUserManagerAsync(async users =>
        {
            var user = (await users.FindByIdAsync(userId))!;
            return (await users.IsLockedOutAsync(user), user.SecurityStamp);
        });
        var unlocked = await Users.UnlockAsync(userId, CancellationToken.None);

        Assert.True(locked.Succeeded, locked.Error);
        Assert.True(whileLocked.IsLocked);
        Assert.True(whileLocked.IsLockedIndefinitely);
        Assert.True(lockedOut);
        Assert.NotEqual(stampBefore, stampAfter);
        Assert.True(unlocked.Succeeded, unlocked.Error);
        Assert.False((await FindAsync(userId)).IsLocked);
        Assert.False(await database.WithUserManagerAsync(async users => await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!)));
    }

    [Fact]
    public async Task Resetting_a_password_replaces_the_old_one()
    {
        var userId = await database.AddUserAsync("Lena Schmidt", "lena@workflows.test", Roles.CaseWorker);
        var generated = PasswordGenerator.Generate();

        var outcome = await Users.ResetPasswordAsync(userId, generated, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(await CheckPasswordAsync(userId, generated));
        Assert.False(await CheckPasswordAsync(userId, AdminTestDatabase.Password));
    }

    [Fact]
    public async Task A_password_identity_refuses_is_reported_and_the_old_one_kept()
    {
        var userId = await database.AddUserAsync("Lena Schmidt", "lena@workflows.test", Roles.CaseWorker);

        var outcome = await Users.ResetPasswordAsync(userId, "password", CancellationToken.None);

        AssertRefused(outcome,
            "Passwords must have at least one non alphanumeric character. Passwords must have at least one digit ('0'-'9'). "
            + "Passwords must have at least one uppercase ('A'-'Z').");
        Assert.True(await CheckPasswordAsync(userId, AdminTestDatabase.Password));
        AssertRefused(await Users.ResetPasswordAsync(userId, "", CancellationToken.None), "Enter a new password.");
    }

    [Fact]
    public async Task Acting_on_a_user_who_no_longer_exists_says_so()
    {
        AssertRefused(await Users.LockAsync(adminId, "gone", CancellationToken.None), "This user no longer exists.", RefusalKind.NotFound);
        AssertRefused(await Users.UnlockAsync("gone", CancellationToken.None), "This user no longer exists.", RefusalKind.NotFound);
        AssertRefused(await Users.ResetPasswordAsync("gone", "Valid!2026", CancellationToken.None), "This user no longer exists.", RefusalKind.NotFound);
        AssertRefused(await Users.ChangeRolesAsync(adminId, "gone", [Roles.Builder], null, CancellationToken.None),
            "This user no longer exists.", RefusalKind.NotFound);
    }

    [Fact]
    public async Task Generated_passwords_pass_identitys_password_rules()
    {
        var results = await database.WithUserManagerAsync(async users =>
        {
            var checks = new List<IdentityResult>();
            for (var i = 0; i < 50; i++)
            {
                var password = PasswordGenerator.Generate();
                foreach (var validator in users.PasswordValidators)
                {
                    checks.Add(await validator.ValidateAsync(users, new ApplicationUser(), password));
                }
            }

            return checks;
        });

        Assert.All(results, result => Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description))));
    }

    private Task<Outcome<UserSummary>> Create(
        string name, string email, string[] roles, string password = "Valid!2026", string? partnerId = null) =>
        Users.CreateUserAsync(
            new NewUser { DisplayName = name, Email = email, Password = password, Roles = roles, PartnerId = partnerId },
            CancellationToken.None);

    private async Task<UserSummary> FindAsync(string userId)
    {
        var all = await Users.ListUsersAsync(null, 0, 100, CancellationToken.None);
        return all.Users.Single(u => u.Id == userId);
    }

    private Task<bool> CheckPasswordAsync(string userId, string password) =>
        database.WithUserManagerAsync(async users => await users.CheckPasswordAsync((await users.FindByIdAsync(userId))!, password));

    private static void AssertRefused<T>(Outcome<T> outcome, string message, RefusalKind kind = RefusalKind.Invalid)
    {
        Assert.False(outcome.Succeeded, "expected a refusal");
        Assert.Equal(message, outcome.Error);
        Assert.Equal(kind, outcome.Refusal.Kind);
    }

    private static void AssertRefused(Outcome outcome, string message, RefusalKind kind = RefusalKind.Invalid)
    {
        Assert.False(outcome.Succeeded, "expected a refusal");
        Assert.Equal(message, outcome.Error);
        Assert.Equal(kind, outcome.Refusal.Kind);
    }
}
