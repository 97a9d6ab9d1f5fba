using System.Security.Claims;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Identity;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// One command on several selected tasks, as the sidebar and the dashboard offer it: what the engine accepts for the
/// selection (<see cref="FlowEngine.Actions"/>), and applying it task by task within what the user may act on.
/// </summary>
public sealed class TaskBulk(FlowExecutionService executions, FlowSettings settings, TimeProvider clock)
{
    public async Task<BulkOffer> OfferAsync(
        IReadOnlyList<SelectedTask> selection, ClaimsPrincipal user, Actor actor, CancellationToken cancellationToken)
    {
        var scope = TaskAccess.AssigneeScope(user);
        var context = new EngineContext(clock.GetUtcNow(), new FlowActor(actor.Id, actor.Name)) { TimeZone = settings.TimeZone };
        var accepting = new Dictionary<TaskCommandKind, int>();
        foreach (var workflow in selection.Where(t => TaskAccess.MayActOn(scope, t.AssignedTo)).GroupBy(t => t.ExecutionId))
        {
            if (await executions.GetAsync(workflow.Key, cancellationToken) is not { } execution)
            {
                continue;
            }

            foreach (var option in workflow.SelectMany(task => FlowEngine.Actions(execution, task.TaskId, context)).Where(o => o.Allowed))
            {
                accepting[option.Kind] = accepting.GetValueOrDefault(option.Kind) + 1;
            }
        }

        return new BulkOffer(accepting, AccessPolicy.Allows(user, Permission.ManageWorkflows));
    }

    /// <summary>
    /// Applies the command to each task in the order given (so a task that unlocks the next one goes first); each succeeds or
    /// fails on its own, and a task beyond the user's scope fails with that reason.
    /// </summary>
    public async Task<IReadOnlyList<BulkItemResult>> ApplyAsync(
        IReadOnlyList<SelectedTask> selection, Func<string, FlowCommand> command, ClaimsPrincipal user, Actor actor,
        CancellationToken cancellationToken)
    {
        var scope = TaskAccess.AssigneeScope(user);
        var results = new List<BulkItemResult>();
        var allowed = new List<BulkItem>();
        foreach (var task in selection)
        {
            // A selection made before an assignment changed must not reach beyond the tasks the user may act on.
            if (!TaskAccess.MayActOn(scope, task.AssignedTo))
            {
                results.Add(new BulkItemResult(task.ExecutionId, task.TaskId, task.Name, false, "This task is not assigned to you or your organisation."));
                continue;
            }

            allowed.Add(new BulkItem(task.ExecutionId, task.TaskId, command(task.TaskId)));
        }

        results.AddRange((await executions.BulkAsync(allowed, actor, cancellationToken))
            .Select(r => r with { TaskName = r.TaskName ?? selection.FirstOrDefault(t => t.ExecutionId == r.ExecutionId && t.TaskId == r.TaskId)?.Name }));
        return results;
    }
}
