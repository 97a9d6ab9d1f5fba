using Workflows.Core.ClosingReasons;
using Workflows.Core;

namespace Workflows.Tests.Data;

public sealed class ClosingReasonCatalogueTests : IAsyncLifetime
{
    private AdminTestDatabase database = null!;

    public async Task InitializeAsync() => database = await AdminTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private ClosingReasonCatalogue Catalogue => database.ClosingReasons;

    [Fact]
    public async Task A_new_reason_is_active_and_listed_by_title()
    {
        await Catalogue.CreateAsync("Duplicate request", CancellationToken.None);
        var created = await Catalogue.CreateAsync("  Customer cancelled ", CancellationToken.None);

        var listed = await Catalogue.ListAsync(includeInactive: false, CancellationToken.None);

        Assert.True(created.Succeeded, created.Error);
        Assert.Equal(ClosingReasonStatus.ACTIVE, created.Value.Status);
        Assert.Equal(["Customer cancelled", "Duplicate request"], listed.Select(r => r.Title));
    }

    [Fact]
    public async Task Inactive_reasons_are_listed_only_when_asked_for()
    {
        var reason = (await Catalogue.CreateAsync("Migrated to legacy system", CancellationToken.None)).Value!;

        var deactivated = await Catalogue.SetStatusAsync(reason.Id, ClosingReasonStatus.INACTIVE, CancellationToken.None);

        Assert.True(deactivated.Succeeded, deactivated.Error);
        Assert.Empty(await Catalogue.ListAsync(includeInactive: false, CancellationToken.None));
        var all = await Catalogue.ListAsync(includeInactive: true, CancellationToken.None);
        Assert.Equal(ClosingReasonStatus.INACTIVE, Assert.Single(all).Status);

        await Catalogue.SetStatusAsync(reason.Id, ClosingReasonStatus.ACTIVE, CancellationToken.None);
        Assert.Single(await Catalogue.ListAsync(includeInactive: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_reason_can_be_created_inactive()
    {
        var created = await Catalogue.CreateAsync("Out of area", CancellationToken.None, ClosingReasonStatus.INACTIVE);

        Assert.Equal(ClosingReasonStatus.INACTIVE, created.Value?.Status);
        Assert.Empty(await Catalogue.ListAsync(includeInactive: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_rename_and_a_status_change_in_one_update_are_both_checked_before_either_is_written()
    {
        var reason = (await Catalogue.CreateAsync("Roof too small", CancellationToken.None)).Value!;

        var refused = await Catalogue.UpdateAsync(reason.Id, "  ", ClosingReasonStatus.INACTIVE, CancellationToken.None);
        var both = await Catalogue.UpdateAsync(reason.Id, "Roof area too small", ClosingReasonStatus.INACTIVE, CancellationToken.None);

        Assert.Equal("Enter a title for the closing reason.", refused.Error);
        Assert.Equal(("Roof area too small", ClosingReasonStatus.INACTIVE), (both.Value?.Title, both.Value?.Status));
        var stored = await Catalogue.GetAsync(reason.Id, CancellationToken.None);
        Assert.Equal(("Roof area too small", ClosingReasonStatus.INACTIVE), (stored?.Title, stored?.Status));
    }

    [Theory]
    [InlineData("   ", "Enter a title for the closing reason.")]
    [InlineData(null, "A title can have at most 200 characters.")]
    public async Task A_title_is_required_and_limited_in_length(string? title, string message)
    {
        var outcome = await Catalogue.CreateAsync(title ?? new string('x', 201), CancellationToken.None);

        Assert.Equal(message, outcome.Error);
        Assert.Equal(RefusalKind.Invalid, outcome.Refusal!.Kind);
    }

    [Fact]
    public async Task Titles_are_unique_ignoring_case_and_an_inactive_twin_is_pointed_out()
    {
        var existing = (await Catalogue.CreateAsync("Technisch nicht möglich", CancellationToken.None)).Value!;
        var other = (await Catalogue.CreateAsync("Customer cancelled", CancellationToken.None)).Value!;

        var created = await Catalogue.CreateAsync("TECHNISCH NICHT MÖGLICH", CancellationToken.None);
        var renamed = await Catalogue.RenameAsync(other.Id, "technisch nicht möglich", CancellationToken.None);
        await Catalogue.SetStatusAsync(existing.Id, ClosingReasonStatus.INACTIVE, CancellationToken.None);
        var whileInactive = await Catalogue.CreateAsync("Technisch Nicht Möglich", CancellationToken.None);

        Assert.Equal("The closing reason “Technisch nicht möglich” already exists.", created.Error);
        Assert.Equal(RefusalKind.Conflict, created.Refusal!.Kind);
        Assert.Equal("The closing reason “Technisch nicht möglich” already exists.", renamed.Error);
        Assert.Equal("The closing reason “Technisch nicht möglich” already exists (inactive): activate it instead.", whileInactive.Error);
    }

    [Fact]
    public async Task Renaming_changes_the_title_and_the_time_of_last_change()
    {
        var reason = (await Catalogue.CreateAsync("No response", CancellationToken.None)).Value!;

        var renamed = await Catalogue.RenameAsync(reason.Id, "No response from customer", CancellationToken.None);
        var recased = await Catalogue.RenameAsync(reason.Id, "No Response From Customer", CancellationToken.None);

        Assert.True(renamed.Succeeded, renamed.Error);
        Assert.True(recased.Succeeded, recased.Error);
        var stored = Assert.Single(await Catalogue.ListAsync(includeInactive: true, CancellationToken.None));
        Assert.Equal("No Response From Customer", stored.Title);
        // Stored instants keep milliseconds (ADR-001); the created reason in hand may carry finer ticks.
        Assert.True(stored.LastUpdateTime.ToUnixTimeMilliseconds() >= reason.CreationTime.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Changing_a_reason_that_no_longer_exists_says_so()
    {
        var renamed = await Catalogue.RenameAsync("gone", "Anything", CancellationToken.None);
        var deactivated = await Catalogue.SetStatusAsync("gone", ClosingReasonStatus.INACTIVE, CancellationToken.None);

        Assert.Equal("This closing reason no longer exists.", renamed.Error);
        Assert.Equal("This closing reason no longer exists.", deactivated.Error);
        Assert.Equal(RefusalKind.NotFound, deactivated.Refusal!.Kind);
    }
}
