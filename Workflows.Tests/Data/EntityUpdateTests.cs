using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Workflows.Core;
using Workflows.Core.Entities;
using Workflows.Core.Identity;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

/// <summary><see cref="EntityService.UpdateBasedOnAsync"/>: epilot's <c>_updated_at</c> concurrency on a real database.</summary>
public sealed class EntityUpdateTests : IAsyncLifetime, IDisposable
{
    private const string Opportunity = "opportunity-003";
    private static readonly Actor Lena = new("lena", "Lena Schmidt");
    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = default!;

    private EntityService Entities => services.GetRequiredService<EntityService>();

    public async Task InitializeAsync() => services = await CoreServices.BuildSeededAsync(database, clock);

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_write_based_on_the_records_last_change_succeeds_and_one_based_on_an_earlier_moment_is_refused_naming_who_changed_it()
    {
        var seen = (await Entities.GetAsync("opportunity", Opportunity, CancellationToken.None))!.UpdatedAt;
        clock.Advance(TimeSpan.FromMinutes(5));

        var current = await Entities.UpdateBasedOnAsync("opportunity", Opportunity, [], seen, replace: false, Lena, CancellationToken.None);
        var stale = await Entities.UpdateBasedOnAsync("opportunity", Opportunity, [], seen, replace: false, Lena, CancellationToken.None);

        Assert.True(current.Succeeded, current.Error);
        Assert.Equal(RefusalKind.Conflict, stale.Refusal?.Kind);
        Assert.Equal("This opportunity was changed by Lena Schmidt at 2026-03-10T09:05:00.000Z, after the version you sent.", stale.Error);
    }

    [Fact]
    public async Task A_write_naming_no_moment_is_applied_and_an_unknown_record_is_not_found()
    {
        var blind = await Entities.UpdateBasedOnAsync("opportunity", Opportunity, [], basedOn: null, replace: false, Lena, CancellationToken.None);
        var unknown = await Entities.UpdateBasedOnAsync("opportunity", "nope", [], basedOn: null, replace: false, Lena, CancellationToken.None);

        Assert.True(blind.Succeeded, blind.Error);
        Assert.Equal("There is no opportunity with id 'nope'.", unknown.Error);
    }
}
