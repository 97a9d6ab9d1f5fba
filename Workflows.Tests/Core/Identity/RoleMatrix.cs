using Workflows.Core.Identity;

namespace Workflows.Tests.Core.Identity;

/// <summary>
/// The whole role matrix in one table: which roles hold each permission, and who is confined to their own tasks.
/// <see cref="AccessPolicyTests"/> checks the Core policy against it, <c>ApiRoleMatrixTests</c> every endpoint over HTTP.
/// </summary>
public static class RoleMatrix
{
    public static IReadOnlyList<string> Columns { get; } = [Roles.Admin, Roles.Builder, Roles.CaseWorker, Roles.Manager, Roles.Partner];

    private static readonly Dictionary<Permission, string> Rows = new()
    {
        //                                  Admin Builder CaseWorker Manager Partner
        [Permission.UseRecords] =           "yes   yes     yes        yes     -",
        [Permission.ReadDefinitions] =      "yes   yes     yes        yes     -",
        [Permission.Build] =                "yes   yes     -          -       -",
        [Permission.Administer] =           "yes   -       -          -       -",
        [Permission.SeeWork] =              "yes   -       yes        yes     yes",
        [Permission.WorkTasks] =            "yes   -       yes        yes     yes",
        [Permission.ManageWorkflows] =      "yes   -       yes        yes     -",
        [Permission.UseDashboard] =         "yes   -       yes        yes     -",
        [Permission.SeeEveryonesTasks] =    "yes   -       -          yes     -",
        [Permission.UsePartnerPortal] =     "-     -       -          -       yes",
        [Permission.DeleteWorkflows] =      "yes   -       -          -       -",
        [Permission.DeleteRecords] =        "yes   -       -          -       -",
    };

    /// <summary>Who sees and works only the tasks assigned to them or their organisation.</summary>
    private const string ConfinedToOwnTasks = "-     -       -          -       yes";

    public static IEnumerable<Permission> Permissions => Rows.Keys;

    public static IReadOnlyList<string> RolesHolding(Permission permission) => Marked(Rows[permission]);

    public static IReadOnlyList<string> ConfinedRoles => Marked(ConfinedToOwnTasks);

    private static string[] Marked(string row)
    {
        var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. Columns.Where((_, i) => cells[i] == "yes")];
    }
}
