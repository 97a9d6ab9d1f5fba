using System.Security.Claims;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;

namespace Workflows.Tests.Core.Identity;

/// <summary>Whose tasks each role sees on the dashboard and the partner portal, and what a link asking for more gets.</summary>
public sealed class TaskAccessTests
{
    private const string UserId = "u-self";
    private const string PartnerOrganisation = "partner-7";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static TheoryData<string, bool, string[]?> EveryRole => new()
    {
        // role, may pick anyone, the only assignees their lists and actions reach (null: not confined)
        { Roles.Admin, true, null },
        { Roles.Builder, false, null },
        { Roles.CaseWorker, false, null },
        { Roles.Manager, true, null },
        { Roles.Partner, false, [UserId, PartnerOrganisation] },
    };

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void Only_managers_and_admins_may_pick_anyone_and_only_partners_are_confined_to_their_own_tasks(string role, bool mayViewAnyone, string[]? scope)
    {
        var user = Signed(role);

        Assert.Equal(mayViewAnyone, TaskAccess.MayViewAnyone(user));
        Assert.Equal(scope, TaskAccess.AssigneeScope(user));
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void A_link_asking_for_everyones_tasks_gets_them_only_for_those_who_may_pick_anyone(string role, bool mayViewAnyone, string[]? scope)
    {
        var user = Signed(role);
        var asked = new DashboardView { Assignee = DashboardView.Everyone };

        var query = asked.ToQuery(user, DateTimeOffset.UtcNow, Berlin);

        // Everyone's tasks are the query without assignees; the others see what "me" stands for, a partner their scope.
        string[] mine = role == Roles.Partner ? [UserId, PartnerOrganisation] : [UserId];
        string[] expected = mayViewAnyone ? [] : scope ?? mine;
        Assert.Equal(expected, query.AssigneeIds);
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public void A_link_naming_another_person_shows_that_persons_tasks_only_to_those_who_may_pick_anyone(string role, bool mayViewAnyone, string[]? scope)
    {
        var user = Signed(role);
        var asked = new DashboardView { Assignee = "user:u-other" };

        var confined = TaskAccess.Confine(asked, user);
        var query = asked.ToQuery(user, DateTimeOffset.UtcNow, Berlin);

        Assert.Equal(mayViewAnyone || scope is not null ? "user:u-other" : DashboardView.Me, confined.Assignee);
        string[] expected = mayViewAnyone ? ["u-other"] : scope ?? [UserId];
        Assert.Equal(expected, query.AssigneeIds);
    }

    [Fact]
    public void A_partner_asking_for_their_organisation_alone_gets_just_that()
    {
        var query = new DashboardView { Assignee = $"partner:{PartnerOrganisation}" }.ToQuery(Signed(Roles.Partner), DateTimeOffset.UtcNow, Berlin);

        Assert.Equal([PartnerOrganisation], query.AssigneeIds);
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Builder, true)]
    [InlineData(Roles.CaseWorker, true)]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Partner, false)]
    public void A_task_assigned_to_someone_else_may_be_acted_on_by_staff_but_not_by_a_partner(string role, bool mayActOnOthers)
    {
        var user = Signed(role);

        Assert.Equal(mayActOnOthers, TaskAccess.MayActOn(TaskAccess.AssigneeScope(user), ["u-other"]));
        Assert.True(TaskAccess.MayActOn(TaskAccess.AssigneeScope(user), ["u-other", UserId]));
    }

    [Fact]
    public void A_partner_acts_for_themselves_and_their_organisation_and_staff_for_themselves()
    {
        Assert.Equal([UserId, PartnerOrganisation], TaskAccess.AssigneeIds(Signed(Roles.Partner)));
        Assert.Equal([UserId], TaskAccess.AssigneeIds(Signed(Roles.CaseWorker)));
    }

    private static ClaimsPrincipal Signed(string role)
    {
        List<Claim> claims = [new(ClaimTypes.NameIdentifier, UserId), new(ClaimTypes.Role, role)];
        if (role == Roles.Partner)
        {
            claims.Add(new Claim(UserClaims.PartnerId, PartnerOrganisation));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }
}
