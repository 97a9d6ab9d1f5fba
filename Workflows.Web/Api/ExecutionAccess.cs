using System.Security.Claims;
using System.Text.Json;
using Workflows.Core;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Who may see and work which workflows through the API. Staff see all. A partner sees a workflow only when one of
/// its tasks is assigned to them or to their partner organisation, may change only those tasks, and is told "not
/// found" about everything else, so ids of other workflows reveal nothing.
/// </summary>
internal static class ExecutionAccess
{
    /// <summary>The assignee ids a partner acts for (their user id and organisation), or null for staff, who see all.</summary>
    public static IReadOnlySet<string>? PartnerScope(ClaimsPrincipal user)
    {
        return user.IsInRole(Roles.Partner) ? user.AssigneeIds().ToHashSet(StringComparer.Ordinal) : null;
    }

    /// <summary>
    /// The execution as the caller may read it: whole for staff; for a partner, only the tasks assigned to them or their
    /// organisation (and those among the current tasks), so other tasks' names, notes and assignees stay private.
    /// </summary>
    public static FlowExecution ForViewer(FlowExecution execution, IReadOnlySet<string>? scope)
    {
        if (scope is null)
        {
            return execution;
        }

        var copy = JsonSerializer.Deserialize<FlowExecution>(JsonSerializer.Serialize(execution, FlowJson.Options), FlowJson.Options)!;
        copy.Tasks = copy.Tasks.FindAll(t => IsTheirs(t, scope));
        var visible = copy.Tasks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        copy.CrtTasks = copy.CrtTasks.FindAll(t => visible.Contains(t.Id));
        copy.Edges = copy.Edges.FindAll(e => visible.Contains(e.FromId) && e.ToId is not null && visible.Contains(e.ToId));
        return copy;
    }

    public static bool CanSee(FlowExecution execution, IReadOnlySet<string>? scope) =>
        scope is null || execution.Tasks.Exists(t => IsTheirs(t, scope));

    /// <summary>Null when the caller may work the task; otherwise a 404 that does not say whether it exists.</summary>
    public static Refusal? MayWork(FlowExecution execution, string taskId, IReadOnlySet<string>? scope) =>
        scope is null || execution.FindTask(taskId) is { } task && IsTheirs(task, scope)
            ? null
            : Refusal.NotFound($"There is no task '{taskId}' of yours in workflow '{execution.Id}'.");

    public static Refusal NotFound(string executionId) => Refusal.NotFound($"There is no workflow '{executionId}'.");

    private static bool IsTheirs(ExecutionTask task, IReadOnlySet<string> scope) => task.AssigneeIds().Any(scope.Contains);
}
