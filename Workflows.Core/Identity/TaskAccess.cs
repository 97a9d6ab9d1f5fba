using System.Security.Claims;
using System.Text.Json;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows;
using Workflows.Core.Localization;

namespace Workflows.Core.Identity;

/// <summary>
/// Whose tasks a signed-in user may see and act on. Those who may see everyone's tasks (<see cref="Permission.SeeEveryonesTasks"/>)
/// look at anyone's; everyone else at their own. A confined user (a partner) acts for themselves and their partner
/// organisation, never beyond those tasks: they see a workflow only when one of its tasks is theirs, only those tasks
/// of it, and are told "not found" about everything else, so ids of other workflows reveal nothing.
/// </summary>
public static class TaskAccess
{
    /// <summary>Whether the user may pick any assignee (another person, a partner, unassigned, everyone) on the dashboard.</summary>
    public static bool MayViewAnyone(ClaimsPrincipal user) => AccessPolicy.Allows(user, Permission.SeeEveryonesTasks);

    /// <summary>The assignee ids a user acts for ("me"): their own, and their partner organisation's when they have one.</summary>
    public static IReadOnlyList<string> AssigneeIds(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        return user.FindFirstValue(UserClaims.PartnerId) is { } partnerId ? [id, partnerId] : [id];
    }

    /// <summary>The teams the user is a member of: their tasks are in the user's team queue, and the user may work them.</summary>
    public static IReadOnlyList<string> TeamIds(ClaimsPrincipal user) => [.. user.FindAll(UserClaims.TeamId).Select(c => c.Value)];

    /// <summary>
    /// The only assignee ids a confined user's lists and actions may reach (their own, their organisation's and their
    /// teams'); null for staff, who are not confined.
    /// </summary>
    public static IReadOnlyList<string>? AssigneeScope(ClaimsPrincipal user) =>
        AccessPolicy.IsConfinedToOwnTasks(user) ? [.. AssigneeIds(user), .. TeamIds(user)] : null;

    /// <summary>
    /// The view as the user may have it: someone who may not pick anyone sees their own tasks or their teams' queue,
    /// whatever the link asked.
    /// </summary>
    public static DashboardView Confine(DashboardView view, ClaimsPrincipal user) =>
        MayViewAnyone(user) || AssigneeScope(user) is not null || view.Assignee == DashboardView.MyTeams ? view : view with { Assignee = DashboardView.Me };

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

    /// <summary>
    /// The task query a user asked by name (over the API) as they may ask it: a confined user's reaches only their scope,
    /// all of it when they named no one. Naming unassigned tasks or anyone outside the scope is refused rather than
    /// quietly narrowed, since the caller asked for exactly those.
    /// </summary>
    public static Outcome<TaskQuery> Confine(TaskQuery asked, IReadOnlyList<string>? scope)
    {
        if (scope is null)
        {
            return asked;
        }

        return asked.Unassigned || asked.AssigneeIds.Any(id => !scope.Contains(id))
            ? Refusal.Forbidden(RefusalText.Of("PartnerSeesOwnTasks"))
            : asked with { AssigneeIds = Within(asked.AssigneeIds, scope) };
    }

    /// <summary>Whether a confined user may act on a task with these assignees: only when it is assigned to someone they act for.</summary>
    public static bool MayActOn(IReadOnlyList<string>? scope, IEnumerable<string> assignedTo) => scope is null || assignedTo.Any(scope.Contains);

    /// <summary>Whether the user may see the workflow at all: staff always, a confined user when one of its tasks is theirs.</summary>
    public static bool MaySee(FlowExecution execution, IReadOnlyList<string>? scope) =>
        scope is null || execution.Tasks.Exists(t => MayActOn(scope, t.AssigneeIds()));

    /// <summary>Null when the user may work the task; otherwise a 404 that does not say whether it exists.</summary>
    public static Refusal? MayWork(FlowExecution execution, string taskId, IReadOnlyList<string>? scope) =>
        scope is null || execution.FindTask(taskId) is { } task && MayActOn(scope, task.AssigneeIds())
            ? null
            : Refusal.NotFound(RefusalText.Of("NoTaskOfYours", taskId, execution.Id));

    /// <summary>What a user who may not see a workflow (or asks for one that does not exist) is told: the same either way.</summary>
    public static Refusal NoWorkflow(string executionId) => Refusal.NotFound(RefusalText.Of("NoWorkflow", executionId));

    /// <summary>
    /// The execution as the user may read it: whole for staff; for a confined user, only their tasks (and those among
    /// the current tasks and edges between them), so other tasks' names, notes and assignees stay private.
    /// </summary>
    public static FlowExecution ForViewer(FlowExecution execution, IReadOnlyList<string>? scope)
    {
        if (scope is null)
        {
            return execution;
        }

        var copy = JsonSerializer.Deserialize<FlowExecution>(JsonSerializer.Serialize(execution, FlowJson.Options), FlowJson.Options)!;
        copy.Tasks = copy.Tasks.FindAll(t => MayActOn(scope, t.AssigneeIds()));
        var visible = copy.Tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        copy.CrtTasks = copy.CrtTasks.FindAll(t => visible.Contains(t.Id));
        copy.Edges = copy.Edges.FindAll(e => visible.Contains(e.FromId) && e.ToId is not null && visible.Contains(e.ToId));
        return copy;
    }
}
