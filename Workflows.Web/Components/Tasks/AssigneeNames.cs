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
        ?? id;

    public bool IsPartner(string id) => Partners.Any(p => p.Id == id);

    /// <summary>Everyone a task can be given to: staff users, partner organisations, and partner users.</summary>
    public IReadOnlyList<(string Id, string Name, string Kind)> Assignable() =>
    [
        .. People.Where(p => p.PartnerId is null).Select(p => (p.Id, p.Name, "User")),
        .. Partners.Select(p => (p.Id, p.Name, "Partner")),
        .. People.Where(p => p.PartnerId is not null).Select(p => (p.Id, $"{p.Name} ({Partners.FirstOrDefault(o => o.Id == p.PartnerId)?.Name})", "Partner user")),
    ];
}
