using Workflows.Core;
using Workflows.Core.Identity;

namespace Workflows.Tests.Data;

public sealed class PartnerAdministrationTests : IAsyncLifetime
{
    private AdminTestDatabase database = null!;

    public async Task InitializeAsync() => database = await AdminTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private PartnerAdministration Partners => database.Partners;

    [Fact]
    public async Task Partners_are_listed_by_name_with_how_many_users_belong_to_them()
    {
        var solarId = await database.AddPartnerAsync("SolarTech Montage GmbH", "auftraege@solartech.test");
        await database.AddPartnerAsync("Netzwerk Messdienst AG");
        await database.AddUserAsync("Klaus Richter", "klaus@solartech.test", Roles.Partner, solarId);

        var partners = await Partners.ListAsync(CancellationToken.None);

        Assert.Equal(
            [("Netzwerk Messdienst AG", (string?)null, 0), ("SolarTech Montage GmbH", "auftraege@solartech.test", 1)],
            partners.Select(p => (p.Name, p.Email, p.UserCount)));
    }

    [Fact]
    public async Task Partner_names_are_unique_ignoring_case_even_for_umlauts()
    {
        await database.AddPartnerAsync("Öko Strom Süd");

        var outcome = await Partners.CreateAsync("  öko strom süd ", null, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("A partner organisation named “Öko Strom Süd” already exists.", outcome.Error);
        Assert.Equal(RefusalKind.Conflict, outcome.Refusal.Kind);
    }

    [Theory]
    [InlineData("   ", null, "Enter the organisation's name.")]
    [InlineData("Valid Name", "no-at-sign", "“no-at-sign” is not a valid e-mail address.")]
    public async Task A_partner_needs_a_name_and_a_valid_email_if_any(string name, string? email, string message)
    {
        var outcome = await Partners.CreateAsync(name, email, CancellationToken.None);

        Assert.Equal(message, outcome.Error);
        Assert.Empty(await Partners.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Renaming_keeps_names_unique_but_allows_changing_the_case_of_its_own()
    {
        var solarId = await database.AddPartnerAsync("SolarTech Montage GmbH");
        await database.AddPartnerAsync("Netzwerk Messdienst AG");

        var clash = await Partners.UpdateAsync(solarId, "NETZWERK MESSDIENST AG", null, CancellationToken.None);
        var recased = await Partners.UpdateAsync(solarId, "Solartech Montage GmbH", "dispo@solartech.test", CancellationToken.None);
        var missing = await Partners.UpdateAsync("gone", "Anything", null, CancellationToken.None);

        Assert.Equal("A partner organisation named “Netzwerk Messdienst AG” already exists.", clash.Error);
        Assert.True(recased.Succeeded, recased.Error);
        Assert.Equal(("Solartech Montage GmbH", "dispo@solartech.test"), (recased.Value.Name, recased.Value.Email));
        Assert.Equal("This partner organisation no longer exists.", missing.Error);
        Assert.Equal(RefusalKind.NotFound, missing.Refusal!.Kind);
    }

    [Fact]
    public async Task Deleting_a_partner_that_still_has_users_is_refused_naming_them()
    {
        var solarId = await database.AddPartnerAsync("SolarTech Montage GmbH");
        await database.AddUserAsync("Klaus Richter", "klaus@solartech.test", Roles.Partner, solarId);

        var outcome = await Partners.DeleteAsync(solarId, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            "“SolarTech Montage GmbH” still has 1 user (Klaus Richter). Move them to another organisation before deleting it.",
            outcome.Error);
        Assert.Single(await Partners.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_partner_without_users_removes_it()
    {
        var solarId = await database.AddPartnerAsync("SolarTech Montage GmbH");

        var outcome = await Partners.DeleteAsync(solarId, CancellationToken.None);
        var again = await Partners.DeleteAsync(solarId, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Empty(await Partners.ListAsync(CancellationToken.None));
        Assert.Equal("This partner organisation no longer exists.", again.Error);
    }
}
