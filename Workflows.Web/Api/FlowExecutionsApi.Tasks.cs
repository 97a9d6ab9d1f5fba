using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Patches;
using Workflows.Core.Identity;
using Workflows.Core.Teams;

namespace Workflows.Web.Api;

/// <summary>The tasks and phases of a flow execution: working and planning them, adding a task, running automations.</summary>
public static partial class FlowExecutionsApi
{
    private static async Task<Results<JsonHttpResult<ExecutionTask>, ApiProblem>> PatchTaskAsync(
        string execution_id, string task_id, [AsParameters] ExecutionCall call)
    {
        var read = await ExecutionPatchJson.ReadAsync(call.Request, call.Aborted);
        var plan = read.Succeeded ? ExecutionPatches.ForTask(task_id, ExecutionPatchJson.Task(read.Value.Body), call.User) : read.Refusal;
        var result = await call.Executions.ApplyPlanAsync(execution_id, plan, call.Actor, read.Value.Version, call.Aborted);
        return Respond(result, call.Response, x => x.FindTask(task_id));
    }

    private static async Task<Results<JsonHttpResult<ExecutionTask>, ApiProblem>> AddTaskAsync(string execution_id, [AsParameters] ExecutionCall call)
    {
        var read = await ExecutionPatchJson.ReadAsync(call.Request, call.Aborted);
        var task = read.Succeeded ? ExecutionPatchJson.NewTask(read.Value.Body) : read.Refusal;
        var plan = task.Succeeded ? ExecutionPatches.ForNewTask(task.Value) : task.Refusal;
        var result = await call.Executions.ApplyPlanAsync(execution_id, plan, call.Actor, read.Value.Version, call.Aborted);
        return Respond(result, call.Response, x => x.FindTask(task.Value!.Id), StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<ExecutionTask>, ApiProblem>> RunAutomationAsync(
        string execution_id, string task_id, [AsParameters] ExecutionCall call)
    {
        var version = VersionHeaders.FromIfMatch(call.Request);
        var scope = call.Scope;
        var result = version.Succeeded
            ? await call.Automations.RunAsync(execution_id, task_id, call.Actor, version.Value, call.Aborted, x => TaskAccess.MayWork(x, task_id, scope))
            : version.Refusal;
        return Respond(result, call.Response, x => x.FindTask(task_id));
    }

    /// <summary>"Executes any kind of flow task immediately": runs an automation, re-evaluates a failed decision.</summary>
    private static async Task<Results<JsonHttpResult<ExecutionTask>, ApiProblem>> ExecuteAsync(
        string execution_id, string task_id, [AsParameters] ExecutionCall call)
    {
        var version = VersionHeaders.FromIfMatch(call.Request);
        var result = version.Succeeded
            ? await call.Automations.ExecuteAsync(execution_id, task_id, call.Actor, call.Scope, version.Value, call.Aborted)
            : version.Refusal;
        return Respond(result, call.Response, x => x.FindTask(task_id));
    }

    private static async Task<Results<NoContent, ApiProblem>> CancelScheduleAsync(string execution_id, string task_id, [AsParameters] ExecutionCall call)
    {
        var version = VersionHeaders.FromIfMatch(call.Request);
        var result = version.Succeeded
            ? await call.Executions.ApplyAsync(execution_id, new CancelSchedule(task_id), call.Actor, version.Value, call.Aborted)
            : version.Refusal;
        if (!result.Succeeded)
        {
            return ApiResults.Problem(result.Refusal);
        }

        VersionHeaders.Tag(call.Response, result.Value.Version);
        return TypedResults.NoContent();
    }

    private static Task<Results<JsonHttpResult<ExecutionTask>, ApiProblem>> ClaimAsync(
        string execution_id, string task_id, TeamTasks teams, [AsParameters] ExecutionCall call) =>
        TeamTaskAsync(execution_id, task_id, teams.ClaimAsync, call);

    private static Task<Results<JsonHttpResult<ExecutionTask>, ApiProblem>> ReleaseAsync(
        string execution_id, string task_id, TeamTasks teams, [AsParameters] ExecutionCall call) =>
        TeamTaskAsync(execution_id, task_id, teams.ReleaseAsync, call);

    private static async Task<Results<JsonHttpResult<ExecutionTask>, ApiProblem>> TeamTaskAsync(
        string execution_id, string task_id,
        Func<string, string, System.Security.Claims.ClaimsPrincipal, Actor, int?, CancellationToken, Task<Core.Outcome<FlowExecution>>> change,
        ExecutionCall call)
    {
        var version = VersionHeaders.FromIfMatch(call.Request);
        var result = version.Succeeded
            ? await change(execution_id, task_id, call.User, call.Actor, version.Value, call.Aborted)
            : version.Refusal;
        return Respond(result, call.Response, x => x.FindTask(task_id));
    }

    private static async Task<Results<JsonHttpResult<ExecutionPhase>, ApiProblem>> PatchPhaseAsync(
        string execution_id, string phase_id, [AsParameters] ExecutionCall call)
    {
        var read = await ExecutionPatchJson.ReadAsync(call.Request, call.Aborted);
        var plan = read.Succeeded ? ExecutionPatches.ForPhase(phase_id, ExecutionPatchJson.Phase(read.Value.Body)) : read.Refusal;
        var result = await call.Executions.ApplyPlanAsync(execution_id, plan, call.Actor, read.Value.Version, call.Aborted);
        return Respond(result, call.Response, x => x.FindPhase(phase_id));
    }
}
