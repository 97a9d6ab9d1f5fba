using System.Security.Claims;
using Roles = Workflows.Core.Identity.Roles;

namespace Workflows.Web.Components.Layout;

/// <summary>One place of the app in the navigation drawer (its title a <see cref="LayoutText"/> key), and the roles that may use it.</summary>
public sealed record NavEntry(string TextKey, string Href, string Icon, IReadOnlyList<string> AllowedRoles)
{
    private static readonly string[] Staff = [Roles.Admin, Roles.Builder, Roles.CaseWorker, Roles.Manager];

    public static IReadOnlyList<NavEntry> All { get; } =
    [
        new("NavDashboard", "/dashboard", MudBlazor.Icons.Material.Filled.Dashboard, [Roles.Manager, Roles.CaseWorker]),
        new("NavTaskBoard", "/board", MudBlazor.Icons.Material.Filled.ViewKanban, [Roles.Manager, Roles.CaseWorker, Roles.Partner]),
        new("NavPartnerTasks", "/partner", MudBlazor.Icons.Material.Filled.Handshake, [Roles.Partner]),
        new("NavRecords", "/entities", MudBlazor.Icons.Material.Filled.Folder, Staff),
        new("NavBuilder", "/builder", MudBlazor.Icons.Material.Filled.AccountTree, [Roles.Builder, Roles.Admin]),
        new("NavAutomations", "/automations", MudBlazor.Icons.Material.Filled.Bolt, [Roles.Builder, Roles.Admin]),
        new("NavJourneys", "/journeys", MudBlazor.Icons.Material.Filled.DynamicForm, [Roles.Builder, Roles.Admin]),
        new("NavAdministration", "/admin", MudBlazor.Icons.Material.Filled.AdminPanelSettings, [Roles.Admin]),
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
