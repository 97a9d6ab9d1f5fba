using System.Security.Claims;
using Workflows.Core.Dashboard;

namespace Workflows.Core.Identity;

/// <summary>
/// Whose tasks a signed-in user may see and act on. Managers and admins may look at anyone's tasks; everyone else at
/// their own. A partner user acts for themselves and their partner organisation, and never beyond those tasks.
/// </summary>
public static class TaskAccess
{
    /// <summary>Whether the user may pick any assignee (another person, a partner, unassigned, everyone) on the dashboard.</summary>
    public static bool MayViewAnyone(ClaimsPrincipal user) => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);

    /// <summary>The assignee ids a user acts for ("me"): their own, and their partner organisation's when they have one.</summary>
    public static IReadOnlyList<string> AssigneeIds(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        return user.FindFirstValue(UserClaims.PartnerId) is { } partnerId ? [id, partnerId] : [id];
    }

    /// <summary>The only assignee ids a partner's lists and actions may reach; null for staff, who are not confined.</summary>
    public static IReadOnlyList<string>? AssigneeScope(ClaimsPrincipal user) => user.IsInRole(Roles.Partner) ? AssigneeIds(user) : null;

    /// <summary>The view as the user may have it: someone who may not pick anyone sees their own tasks, whatever the link asked.</summary>
    public static DashboardView Confine(DashboardView view, ClaimsPrincipal user) =>
        MayViewAnyone(user) || AssigneeScope(user) is not null ? view : view with { Assignee = DashboardView.Me };

    /// <summary>The assignees a confined user's question reaches: those of the asked ones inside the scope, or the whole scope.</summary>
    public static IReadOnlyList<string> Within(IReadOnlyList<string> asked, IReadOnlyList<string>? scope)
    {
        if (scope is null)
        {
            return asked;
        }

        var allowed = asked.Where(scope.Contains).ToList();
        return allowed.Count > 0 ? allowed : scope;
    }

    /// <summary>Whether a confined user may act on a task with these assignees: only when it is assigned to someone they act for.</summary>
    public static bool MayActOn(IReadOnlyList<string>? scope, IEnumerable<string> assignedTo) => scope is null || assignedTo.Any(scope.Contains);
}
