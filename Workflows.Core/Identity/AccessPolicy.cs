using System.Security.Claims;

namespace Workflows.Core.Identity;

/// <summary>
/// Who may do what with workflows and records: the one answer that pages (what they offer) and API endpoints (what
/// they let through) both ask, so the browser and the API never disagree. Today it holds the destroy rule; who may see,
/// work and close grows here too.
/// </summary>
public static class AccessPolicy
{
    /// <summary>
    /// Deleting a workflow (softly or for good) or a record takes away what colleagues and partners work on, and a record
    /// takes its history with it; the other roles close a workflow instead, which keeps it.
    /// </summary>
    public static IReadOnlyList<string> MayDestroy { get; } = [Roles.Admin];

    public static bool MayDeleteWorkflows(ClaimsPrincipal user) => MayDestroy.Any(user.IsInRole);

    public static bool MayDeleteRecords(ClaimsPrincipal user) => MayDestroy.Any(user.IsInRole);
}
