using Workflows.Core.Identity;
using Workflows.Core.Teams;

namespace Workflows.Web.Components.Tasks;

/// <summary>Turns assignee ids (users, partners, teams) into the names people recognise.</summary>
public sealed class AssigneeNames(IReadOnlyList<Person> people, IReadOnlyList<Partner> partners, IReadOnlyList<TeamSummary>? teams = null)
{
    public static AssigneeNames Empty { get; } = new([], []);

    public IReadOnlyList<Person> People { get; } = people;

    public IReadOnlyList<Partner> Partners { get; } = partners;

    public IReadOnlyList<TeamSummary> Teams { get; } = teams ?? [];

    public string NameOf(string id) =>
        People.FirstOrDefault(p => p.Id == id)?.Name
        ?? Partners.FirstOrDefault(p => p.Id == id)?.Name
        ?? Teams.FirstOrDefault(t => t.Id == id)?.Name
        ?? (id == Actor.External.Id ? Actor.External.Name : id);

    public bool IsPartner(string id) => Partners.Any(p => p.Id == id);

    public bool IsTeam(string id) => Teams.Any(t => t.Id == id);

    /// <summary>The icon beside an assignee's name: a person, a partner organisation or a team.</summary>
    public string IconOf(string id) =>
        IsTeam(id) ? MudBlazor.Icons.Material.Filled.Groups : IsPartner(id) ? MudBlazor.Icons.Material.Filled.Handshake : MudBlazor.Icons.Material.Filled.Person;

    /// <summary>A user's name, with their partner's name for a partner user ("Lena Schmidt (SolarTech GmbH)"), so the two are never mixed up.</summary>
    public string UserLabel(Person person) =>
        person.PartnerId is null ? person.Name : $"{person.Name} ({PartnerName(person.PartnerId)})";

    /// <summary>Users to pick from: staff first, then partner users grouped by their partner.</summary>
    public IReadOnlyList<Person> Users() =>
    [
        .. People.Where(p => p.PartnerId is null),
        .. People.Where(p => p.PartnerId is not null).OrderBy(p => PartnerName(p.PartnerId!), StringComparer.CurrentCulture),
    ];

    /// <summary>Everyone a task can be given to: staff users, partner organisations, partner users, and teams.</summary>
    public IReadOnlyList<(string Id, string Name, string Kind)> Assignable() =>
    [
        .. People.Where(p => p.PartnerId is null).Select(p => (p.Id, p.Name, "User")),
        .. Partners.Select(p => (p.Id, p.Name, "Partner")),
        .. Users().Where(p => p.PartnerId is not null).Select(p => (p.Id, UserLabel(p), "Partner user")),
        .. Teams.Select(t => (t.Id, t.Name, "Team")),
    ];

    private string PartnerName(string partnerId) => Partners.FirstOrDefault(o => o.Id == partnerId)?.Name ?? partnerId;
}
