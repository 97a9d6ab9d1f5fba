using System.Security.Claims;
using Workflows.Core.Identity;

namespace Workflows.Tests.Core.Identity;

/// <summary>The Core access policy holds exactly the <see cref="RoleMatrix"/>: every role against every permission.</summary>
public sealed class AccessPolicyTests
{
    public static TheoryData<string, Permission> EveryRoleAndPermission()
    {
        var data = new TheoryData<string, Permission>();
        foreach (var role in RoleMatrix.Columns)
        {
            foreach (var permission in Enum.GetValues<Permission>())
            {
                data.Add(role, permission);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndPermission))]
    public void Each_role_holds_a_permission_exactly_when_the_matrix_says_so(string role, Permission permission)
    {
        var expected = RoleMatrix.RolesHolding(permission).Contains(role);

        Assert.Equal(expected, AccessPolicy.Allows(Signed(role), permission));
    }

    [Fact]
    public void The_matrix_has_a_row_for_every_permission()
    {
        Assert.Equal(Enum.GetValues<Permission>().Order(), RoleMatrix.Permissions.Order());
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Builder)]
    [InlineData(Roles.CaseWorker)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Partner)]
    public void Only_the_confined_roles_reach_no_further_than_their_own_tasks(string role)
    {
        var user = Signed(role);
        var confined = RoleMatrix.ConfinedRoles.Contains(role);

        Assert.Equal(confined, AccessPolicy.IsConfinedToOwnTasks(user));
        Assert.Equal(confined, TaskAccess.AssigneeScope(user) is not null);
    }

    [Fact]
    public void A_user_with_two_roles_holds_what_either_grants_and_a_user_without_roles_holds_nothing()
    {
        var both = Signed(Roles.Builder, Roles.CaseWorker);
        var none = Signed();

        Assert.All(Enum.GetValues<Permission>(), permission => Assert.Equal(
            RoleMatrix.RolesHolding(permission).Intersect([Roles.Builder, Roles.CaseWorker]).Any(), AccessPolicy.Allows(both, permission)));
        Assert.All(Enum.GetValues<Permission>(), permission => Assert.False(AccessPolicy.Allows(none, permission)));
    }

    private static ClaimsPrincipal Signed(params string[] roles) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "u-1"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
}
