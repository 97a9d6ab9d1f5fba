using System.Security.Claims;
using Roles = Workflows.Core.Identity.Roles;

namespace Workflows.Web.Components.Layout;

/// <summary>One place of the app in the navigation drawer, and the roles that may use it.</summary>
public sealed record NavEntry(string Title, string Href, string Icon, IReadOnlyList<string> AllowedRoles)
{
    private static readonly string[] Staff = [Roles.Admin, Roles.Builder, Roles.CaseWorker, Roles.Manager];

    public static IReadOnlyList<NavEntry> All { get; } =
    [
        new("Dashboard", "/dashboard", MudBlazor.Icons.Material.Filled.Dashboard, [Roles.Manager, Roles.CaseWorker]),
        new("Task board", "/board", MudBlazor.Icons.Material.Filled.ViewKanban, [Roles.Manager, Roles.CaseWorker, Roles.Partner]),
        new("My partner tasks", "/partner", MudBlazor.Icons.Material.Filled.Handshake, [Roles.Partner]),
        new("Records", "/entities", MudBlazor.Icons.Material.Filled.Folder, Staff),
        new("Workflow builder", "/builder", MudBlazor.Icons.Material.Filled.AccountTree, [Roles.Builder, Roles.Admin]),
        new("Automations", "/automations", MudBlazor.Icons.Material.Filled.Bolt, [Roles.Builder, Roles.Admin]),
        new("Journeys", "/journeys", MudBlazor.Icons.Material.Filled.DynamicForm, [Roles.Builder, Roles.Admin]),
        new("Administration", "/admin", MudBlazor.Icons.Material.Filled.AdminPanelSettings, [Roles.Admin]),
    ];

    public static IReadOnlyList<NavEntry> For(ClaimsPrincipal user) =>
        [.. All.Where(entry => entry.AllowedRoles.Any(user.IsInRole))];

    /// <summary>The page a role needs most: where <c>/</c> sends a signed-in user.</summary>
    public static string LandingFor(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Partner) ? "/partner"
        : user.IsInRole(Roles.Manager) || user.IsInRole(Roles.CaseWorker) ? "/dashboard"
        : user.IsInRole(Roles.Builder) ? "/builder"
        : user.IsInRole(Roles.Admin) ? "/admin"
        : "/Account/Manage";
}
