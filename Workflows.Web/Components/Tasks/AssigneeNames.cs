using Workflows.Core.Identity;

namespace Workflows.Web.Components.Tasks;

/// <summary>Turns assignee ids (users, partners) into the names people recognise.</summary>
public sealed class AssigneeNames(IReadOnlyList<Person> people, IReadOnlyList<Partner> partners)
{
    public static AssigneeNames Empty { get; } = new([], []);

    public IReadOnlyList<Person> People { get; } = people;

    public IReadOnlyList<Partner> Partners { get; } = partners;

    public string NameOf(string id) =>
        People.FirstOrDefault(p => p.Id == id)?.Name
        ?? Partners.FirstOrDefault(p => p.Id == id)?.Name
        ?? (id == Actor.External.Id ? Actor.External.Name : id);

    public bool IsPartner(string id) => Partners.Any(p => p.Id == id);

    /// <summary>A user's name, with their partner's name for a partner user ("Lena Schmidt (SolarTech GmbH)"), so the two are never mixed up.</summary>
    public string UserLabel(Person person) =>
        person.PartnerId is null ? person.Name : $"{person.Name} ({PartnerName(person.PartnerId)})";

    /// <summary>Users to pick from: staff first, then partner users grouped by their partner.</summary>
    public IReadOnlyList<Person> Users() =>
    [
        .. People.Where(p => p.PartnerId is null),
        .. People.Where(p => p.PartnerId is not null).OrderBy(p => PartnerName(p.PartnerId!), StringComparer.CurrentCulture),
    ];

    /// <summary>Everyone a task can be given to: staff users, partner organisations, and partner users.</summary>
    public IReadOnlyList<(string Id, string Name, string Kind)> Assignable() =>
    [
        .. People.Where(p => p.PartnerId is null).Select(p => (p.Id, p.Name, "User")),
        .. Partners.Select(p => (p.Id, p.Name, "Partner")),
        .. Users().Where(p => p.PartnerId is not null).Select(p => (p.Id, UserLabel(p), "Partner user")),
    ];

    private string PartnerName(string partnerId) => Partners.FirstOrDefault(o => o.Id == partnerId)?.Name ?? partnerId;
}
