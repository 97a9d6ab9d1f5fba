using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Data;
using Workflows.Core.Flows.Gallery;
using Workflows.Core.Identity;
using Workflows.Core.Journeys;
using Workflows.Core.Localization;
using Workflows.Core.Teams;

namespace Workflows.Core.Demo;

/// <summary>
/// Fills a database with demo users, partners, schemas, records, journeys and a closing-reason catalogue.
/// Idempotent: every item has a fixed key and is created only when it is missing.
/// </summary>
public sealed class DemoSeeder(
    WorkflowsDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    SeedOptions seed,
    DemoWorkflows workflows,
    Automations.AutomationListeners listeners,
    ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Demo!2026";

    /// <summary>The demo partners are the ones the gallery templates assign work to.</summary>
    public const string SolarPartnerId = GalleryCatalogue.SolarPartnerId;
    public const string MeterPartnerId = GalleryCatalogue.MeterPartnerId;

    /// <summary>Case workers and the solar partner's fitter; members claim its tasks from their team queue.</summary>
    public const string FieldServiceTeamId = "team-field-service";

    /// <summary>Case workers and the manager; hands each new task to the next member round-robin.</summary>
    public const string BackOfficeTeamId = "team-back-office";

    public static IReadOnlyList<DemoUser> DemoUsers { get; } =
    [
        new("admin@workflows.demo", "Sabine Hoffmann", Roles.Admin),
        new("builder@workflows.demo", "Jonas Becker", Roles.Builder),
        new("caseworker@workflows.demo", "Lena Schmidt", Roles.CaseWorker),
        new("caseworker2@workflows.demo", "Mehmet Yılmaz", Roles.CaseWorker),
        new("manager@workflows.demo", "Thomas Wagner", Roles.Manager),
        new("partner@solartech.demo", "Klaus Richter", Roles.Partner, SolarPartnerId),
        new("partner@messdienst.demo", "Eva Krüger", Roles.Partner, MeterPartnerId),
    ];

    public static void PrintLogins(ILogger logger)
    {
        var lines = DemoUsers.Select(user => $"  {user.Email,-30} {user.Role,-11} {user.DisplayName}");
        logger.LogWarning("Demo logins (password {Password}):\n{Logins}", DemoPassword, string.Join('\n', lines));
    }

    /// <summary>Roles exist in every database, demo or not.</summary>
    public async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    /// <summary>
    /// Seeds in the language <c>Seed:Language</c> names, whatever the thread's culture is. The culture flows into the
    /// awaited work (it is async-local), so every text the seed writes comes from that language's resources.
    /// </summary>
    public Task SeedAsync(CancellationToken cancellationToken) => Languages.In(seed.Language, () => SeedInLanguageAsync(cancellationToken));

    private async Task SeedInLanguageAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync(cancellationToken);
        var now = clock.GetUtcNow();
        await SeedPartnersAsync(now, cancellationToken);
        await SeedUsersAsync(cancellationToken);
        await SeedTeamsAsync(now, cancellationToken);
        await SeedClosingReasonsAsync(now, cancellationToken);
        await SeedEntitiesAsync(now, cancellationToken);
        await SeedAutomationsAsync(await ActorAsync("builder@workflows.demo"), now, cancellationToken);
        await SeedJourneysAsync(now, cancellationToken);
        await workflows.SeedAsync(await ActorAsync("builder@workflows.demo"), await ActorAsync("caseworker@workflows.demo"), cancellationToken);
        logger.LogInformation("Demo data is in place.");
    }

    /// <summary>
    /// Makes the configured bootstrap token work: it belongs to a password-less Admin user that cannot sign in to
    /// the app, so scripts and CI get API access without a person's credentials.
    /// </summary>
    public async Task EnsureBootstrapTokenAsync(string token, ApiTokenService tokens, CancellationToken cancellationToken)
    {
        const string email = "api-bootstrap@workflows.local";
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "API bootstrap" };
            Check(await users.CreateAsync(user), email);
            Check(await users.AddToRoleAsync(user, Roles.Admin), email);
        }

        await tokens.EnsureAsync(user.Id, "Bootstrap token (Api:BootstrapToken)", token, cancellationToken);
    }

    private async Task SeedPartnersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        (string Id, string Name, string Email)[] partners =
        [
            (SolarPartnerId, "SolarTech Montage GmbH", "auftraege@solartech.demo"),
            (MeterPartnerId, "Netzwerk Messdienst AG", "dispo@messdienst.demo"),
        ];
        var existing = await db.Partners.Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var (id, name, email) in partners.Where(p => !existing.Contains(p.Id)))
        {
            db.Partners.Add(new Partner { Id = id, Name = name, Email = email, CreatedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedUsersAsync(CancellationToken cancellationToken)
    {
        foreach (var demo in DemoUsers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByEmailAsync(demo.Email) is not null)
            {
                continue;
            }

            var user = new ApplicationUser
            {
                UserName = demo.Email,
                Email = demo.Email,
                EmailConfirmed = true,
                DisplayName = demo.DisplayName,
                PartnerId = demo.PartnerId,
            };
            Check(await users.CreateAsync(user, DemoPassword), demo.Email);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.Email);
        }
    }

    private async Task SeedTeamsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        (string Id, string Name, bool RoundRobin, string[] Emails)[] teams =
        [
            (FieldServiceTeamId, T("Team_FieldService"), false, ["caseworker@workflows.demo", "caseworker2@workflows.demo", "partner@solartech.demo"]),
            (BackOfficeTeamId, T("Team_BackOffice"), true, ["caseworker@workflows.demo", "caseworker2@workflows.demo", "manager@workflows.demo"]),
        ];
        var existing = await db.Teams.Select(t => t.Id).ToListAsync(cancellationToken);
        foreach (var (id, name, roundRobin, emails) in teams.Where(t => !existing.Contains(t.Id)))
        {
            var normalized = emails.Select(e => e.ToUpperInvariant()).ToList();
            var members = await db.Users.Where(u => normalized.Contains(u.NormalizedEmail!)).Select(u => u.Id).ToListAsync(cancellationToken);
            db.Teams.Add(new Team
            {
                Id = id, Name = name, RoundRobin = roundRobin, CreatedAt = now,
                Members = [.. members.Select(userId => new TeamMember { TeamId = id, UserId = userId })],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedClosingReasonsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.ClosingReasons.Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var (id, title, status) in DemoCatalogue.ClosingReasons.Where(r => !existing.Contains(r.Id)))
        {
            db.ClosingReasons.Add(new ClosingReason { Id = id, Title = title, Status = status, CreationTime = now, LastUpdateTime = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedEntitiesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schemas = await db.EntitySchemas.ToDictionaryAsync(s => s.Slug, cancellationToken);
        foreach (var schema in DemoCatalogue.Schemas(now))
        {
            if (!schemas.TryGetValue(schema.Slug, out var existing))
            {
                db.EntitySchemas.Add(schema);
            }
            else if (DemoJourneys.AddMissingAttributes(existing, schema))
            {
                existing.Version++;
                existing.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var ownerIds = await db.Users
            .Where(u => u.PartnerId == null)
            .OrderBy(u => u.Email)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var records = await db.EntityRecords.Select(r => r.Id).ToListAsync(cancellationToken);
        var definitions = await db.EntitySchemas.AsNoTracking().ToDictionaryAsync(s => s.Slug, cancellationToken);
        foreach (var record in DemoCatalogue.Records(now, ownerIds).Where(r => !records.Contains(r.Id)))
        {
            db.EntityRecords.Add(record);
            var definition = definitions[record.Schema];
            db.FilterableValues.AddRange(Entities.FilterableValues.Of(definition, definition.Attributes, record.Id, record.Attributes));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedAutomationsAsync(Actor owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Automations.Select(a => a.Id).ToListAsync(cancellationToken);
        db.Automations.AddRange(DemoAutomations.All(owner, now).Where(a => !existing.Contains(a.Id)));
        await db.SaveChangesAsync(cancellationToken);
        listeners.Changed();
    }

    private async Task SeedJourneysAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Journeys.Select(j => j.Id).ToListAsync(cancellationToken);
        var schemas = await db.EntitySchemas.AsNoTracking().ToDictionaryAsync(s => s.Slug, cancellationToken);
        foreach (var journey in DemoJourneys.All().Where(j => !existing.Contains(j.Id)))
        {
            var problems = JourneyRules.Check(journey, schemas.GetValueOrDefault(journey.Schema));
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"The demo journey {journey.Name} is invalid: {string.Join(" ", problems)}");
            }

            journey.CreatedAt = now;
            journey.UpdatedAt = now;
            journey.UpdatedBy = T("DemoData");
            db.Journeys.Add(journey);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<Actor> ActorAsync(string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo user {email} is missing.");
        return new Actor(user.Id, user.DisplayName);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join(" ", result.Errors.Select(error => error.Description))}");
        }
    }

    private static string T(string key) => Languages.Text<DemoText>(key);
}
