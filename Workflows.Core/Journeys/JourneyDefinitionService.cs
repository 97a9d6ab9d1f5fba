using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Entities;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Journeys;

/// <summary>
/// The journey definitions: listing, reading, checking, saving (with an optimistic version check) and deleting them.
/// Running a journey is <see cref="JourneyRunService"/>; shared links are <see cref="JourneyLinkService"/>.
/// </summary>
public sealed class JourneyDefinitionService(IDbContextFactory<WorkflowsDbContext> dbFactory, EntityService entities, TimeProvider clock)
{
    public async Task<IReadOnlyList<JourneySummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var journeys = await db.Journeys.AsNoTracking().OrderBy(j => j.Name).ToListAsync(cancellationToken);
        var counts = await db.JourneySubmissions.AsNoTracking()
            .GroupBy(s => s.JourneyId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. journeys.Select(j => new JourneySummary(
            j.Id, j.Name, j.Schema, j.Steps.Count, j.Fields.Count(), j.UpdatedAt, j.UpdatedBy, counts.GetValueOrDefault(j.Id)))];
    }

    public async Task<Journey?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Journeys.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>The problems that would stop <paramref name="journey"/> from being saved, for the editor to show as you type.</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(Journey journey, CancellationToken cancellationToken) =>
        JourneyRules.Check(journey, await entities.GetSchemaAsync(journey.Schema, cancellationToken));

    /// <summary>
    /// Creates the journey when its id is new (or empty), otherwise saves it. <paramref name="expectedVersion"/> is the
    /// version the editor started from; a save based on an older one is refused, naming who saved in between.
    /// </summary>
    public async Task<Outcome<Journey>> SaveAsync(Journey input, int? expectedVersion, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var schema = await db.EntitySchemas.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == input.Schema, cancellationToken);
        var problems = JourneyRules.Check(input, schema);
        if (problems.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", problems));
        }

        var now = clock.GetUtcNow();
        var copy = input.Clone();
        var existing = string.IsNullOrWhiteSpace(input.Id)
            ? null
            : await db.Journeys.SingleOrDefaultAsync(j => j.Id == input.Id, cancellationToken);
        if (existing is null)
        {
            var id = string.IsNullOrWhiteSpace(input.Id) ? $"journey-{Guid.NewGuid():N}"[..20] : input.Id.Trim();
            if (id.Length > 64)
            {
                return Refusal.Invalid(RefusalText.Of("JourneyIdTooLong"));
            }

            var created = new Journey
            {
                Id = id,
                Name = copy.Name.Trim(),
                Description = string.IsNullOrWhiteSpace(copy.Description) ? null : copy.Description.Trim(),
                Schema = copy.Schema,
                Steps = copy.Steps,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = actor.Name,
            };
            db.Journeys.Add(created);
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }

        if (expectedVersion is { } version && version != existing.Version)
        {
            return Stale(existing);
        }

        existing.Name = copy.Name.Trim();
        existing.Description = string.IsNullOrWhiteSpace(copy.Description) ? null : copy.Description.Trim();
        existing.Schema = copy.Schema;
        existing.Steps = copy.Steps;
        existing.UpdatedAt = now;
        existing.UpdatedBy = actor.Name;
        existing.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var fresh = await GetAsync(existing.Id, cancellationToken);
            return fresh is null ? Refusal.NotFound(RefusalText.Of("JourneyDeletedMeanwhile", existing.Name)) : Stale(fresh);
        }

        return existing;
    }

    /// <summary>Deletes a journey and its unused links; its submissions stay, with the journey's name.</summary>
    public async Task<Outcome> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var journey = await db.Journeys.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (journey is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoJourney", id));
        }

        db.Journeys.Remove(journey);
        db.JourneyLinks.RemoveRange(db.JourneyLinks.Where(l => l.JourneyId == id && l.UsedAt == null));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Success;
    }

    private static Refusal Stale(Journey current) => Refusal.Conflict(
        RefusalText.Of("JourneyChangedMeanwhile", current.Name, current.UpdatedBy ?? RefusalText.Of("Someone"), current.UpdatedAt));
}
