using System.Security.Claims;
using Workflows.Core.Identity;

namespace Workflows.Web.Hosting;

public static class PrincipalExtensions
{
    /// <summary>The signed-in user as the actor of a change.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
        user.FindFirstValue(UserClaims.DisplayName) ?? user.Identity?.Name ?? "Unknown");

    /// <summary>The assignee ids a user acts for: their own, and their partner organisation's when they have one.</summary>
    public static IReadOnlyList<string> AssigneeIds(this ClaimsPrincipal user) => TaskAccess.AssigneeIds(user);
}
