using System.Security.Claims;

namespace Workflows.Core.Identity;

/// <summary>
/// Who may do what: the one table of roles and permissions that pages (what they offer), endpoints (what they let
/// through), exports and the task rules of <see cref="TaskAccess"/> all ask, so the browser and the API never disagree.
/// </summary>
public static class AccessPolicy
{
    private static readonly string[] Staff = [Roles.Admin, Roles.Builder, Roles.CaseWorker, Roles.Manager];

    // Those who run workflows on records; partners work the tasks given to them, never the workflow around them.
    private static readonly string[] CaseStaff = [Roles.Admin, Roles.CaseWorker, Roles.Manager];

    private static readonly string[] TaskWorkers = [.. CaseStaff, Roles.Partner];

    /// <summary>
    /// Deleting a workflow (softly or for good) or a record takes away what colleagues and partners work on, and a record
    /// takes its history with it; the other roles close a workflow instead, which keeps it.
    /// </summary>
    private static readonly string[] Destroyers = [Roles.Admin];

    private static readonly Dictionary<Permission, string[]> Holders = new()
    {
        [Permission.UseRecords] = Staff,
        [Permission.ReadDefinitions] = Staff,
        [Permission.Build] = [Roles.Admin, Roles.Builder],
        [Permission.Administer] = [Roles.Admin],
        [Permission.SeeWork] = TaskWorkers,
        [Permission.WorkTasks] = TaskWorkers,
        [Permission.ManageWorkflows] = CaseStaff,
        [Permission.UseDashboard] = CaseStaff,
        [Permission.SeeEveryonesTasks] = [Roles.Admin, Roles.Manager],
        [Permission.UsePartnerPortal] = [Roles.Partner],
        [Permission.DeleteWorkflows] = Destroyers,
        [Permission.DeleteRecords] = Destroyers,
    };

    /// <summary>The roles that hold <paramref name="permission"/>; a user holds it through any one of them.</summary>
    public static IReadOnlyList<string> RolesFor(Permission permission) => Holders[permission];

    public static bool Allows(ClaimsPrincipal user, Permission permission) => Holders[permission].Any(user.IsInRole);

    /// <summary>
    /// Whether the user sees and works only the tasks assigned to them or their organisation, and hears "not found" about
    /// everything else: a partner, whatever other role they hold.
    /// </summary>
    public static bool IsConfinedToOwnTasks(ClaimsPrincipal user) => user.IsInRole(Roles.Partner);

    public static bool MayDeleteWorkflows(ClaimsPrincipal user) => Allows(user, Permission.DeleteWorkflows);

    public static bool MayDeleteRecords(ClaimsPrincipal user) => Allows(user, Permission.DeleteRecords);
}
