using System.Text.Json.Serialization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Patches;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows;
using Workflows.Core;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Flow executions (the execution spec's <c>/v2/flows/executions</c>): the workflows themselves here, their tasks and
/// phases in <c>FlowExecutionsApi.Tasks.cs</c>. Each handler reads the request, asks one Core service (what a PATCH
/// means is <see cref="ExecutionPatches"/>'s to say, who sees what <see cref="Core.Identity.TaskAccess"/>'s) and maps
/// the outcome: refusals to 404 (unknown or not the caller's), 400 (invalid, or locked with what the task waits for),
/// 403 (not the caller's to ask) and 409 (the state moved on, or <c>If-Match</c> named a stale version).
/// </summary>
public static partial class FlowExecutionsApi
{
    private const int MaxContexts = 50;

    public static RouteGroupBuilder MapFlowExecutionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/flows").WithTags("Flow executions");
        var see = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.SeeWork);
        var work = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.WorkTasks);
        var manage = group.MapGroup("").RequireAuthorization(AuthorizationPolicies.ManageWorkflows);

        manage.MapPost("/executions", StartAsync).Accepts<StartRequest>("application/json").Idempotent().Produces<FlowExecution>(StatusCodes.Status201Created)
            .Documented("startFlowExecution", "Start a workflow from a template on records", ApiVersioning.ETag, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        see.MapPost("/executions:search", SearchAsync).Accepts<SearchRequest>("application/json").Produces<SearchResults>()
            .Documented("searchFlowExecutions", "The workflows of a record");
        see.MapGet("/executions/{execution_id}", GetAsync).Produces<FlowExecution>().Documented("getFlowExecution", "Read a workflow", ApiVersioning.ETag);
        manage.MapPatch("/executions/{execution_id}", PatchAsync).Accepts<JsonElement>("application/json").Requests(RequestSchemas.WorkflowPatch).Produces<FlowExecution>()
            .Documented("patchFlowExecution", "Close, reopen, assign or schedule a workflow", ApiVersioning.IfMatch);
        group.MapDelete("/executions/{execution_id}", DeleteAsync).RequireAuthorization(AuthorizationPolicies.DeleteWorkflows)
            .Documented("deleteFlowExecution", "Delete a workflow (softly unless soft=false)", ApiVersioning.IfMatch);
        work.MapPatch("/executions/{execution_id}/tasks/{task_id}", PatchTaskAsync).Accepts<JsonElement>("application/json").Requests(RequestSchemas.TaskPatch).Produces<ExecutionTask>()
            .Documented("patchTask", "Work a task: status, assignees, due date, decision", ApiVersioning.IfMatch);
        manage.MapPost("/executions/{execution_id}/tasks", AddTaskAsync).Accepts<JsonElement>("application/json").Requests(RequestSchemas.NewTask).Idempotent().Produces<ExecutionTask>(StatusCodes.Status201Created)
            .Documented("addTask", "Add a task to a running workflow", ApiVersioning.IfMatch);
        work.MapPost("/executions/{execution_id}/tasks/{task_id}/automation:run", RunAutomationAsync).Produces<ExecutionTask>()
            .Documented("runTaskAutomation", "Run an automation task now", ApiVersioning.IfMatch);
        work.MapPost("/executions/{execution_id}/tasks/{task_id}/execute", ExecuteAsync).Produces<ExecutionTask>()
            .Documented("executeTask", "Execute a task now: run its automation or evaluate its decision", ApiVersioning.IfMatch);
        manage.MapDelete("/executions/{execution_id}/tasks/{task_id}/schedule", CancelScheduleAsync)
            .Documented("cancelTaskSchedule", "Cancel a task's schedule, skipping the task", ApiVersioning.IfMatch);
        manage.MapPatch("/executions/{execution_id}/phases/{phase_id}", PatchPhaseAsync).Accepts<JsonElement>("application/json").Requests(RequestSchemas.PhasePatch).Produces<ExecutionPhase>()
            .Documented("patchPhase", "Assign or schedule a phase", ApiVersioning.IfMatch);
        work.MapPost("/executions/{execution_id}/tasks/{task_id}:claim", ClaimAsync).Produces<ExecutionTask>()
            .Documented("claimTask", "Assign a task of your team to yourself", ApiVersioning.IfMatch);
        work.MapPost("/executions/{execution_id}/tasks/{task_id}:release", ReleaseAsync).Produces<ExecutionTask>()
            .Documented("releaseTask", "Give a claimed task back to its team", ApiVersioning.IfMatch);
        return group;
    }

    private static async Task<Results<JsonHttpResult<FlowExecution>, ApiProblem>> StartAsync([AsParameters] ExecutionCall call)
    {
        var body = await ApiJson.ReadAsync<StartRequest>(call.Request, call.Aborted);
        var start = body.Succeeded ? Checked(body.Value) : body.Refusal;
        var started = start.Succeeded
            ? await call.Executions.StartAsync(start.Value.FlowTemplateId!, start.Value.Contexts!, call.Actor, call.Aborted, start.Value.ExecutionTrigger)
            : start.Refusal;
        return Respond(started, call.Response, x => x, StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<SearchResults>, ApiProblem>> SearchAsync([AsParameters] ExecutionCall call)
    {
        var body = await ApiJson.ReadAsync<SearchRequest>(call.Request, call.Aborted);
        var search = body.Succeeded && string.IsNullOrWhiteSpace(body.Value.EntityId)
            ? Refusal.Invalid("Name the record in 'entity_id' (and its schema in 'entity_schema').")
            : body;
        if (!search.Succeeded)
        {
            return ApiResults.Problem(search.Refusal);
        }

        var found = await call.Visible.ListForEntityAsync(search.Value.EntityId!, search.Value.EntitySchema, call.Scope, call.Aborted);
        return TypedResults.Json(new SearchResults(found), FlowJson.Options);
    }

    private static async Task<Results<JsonHttpResult<FlowExecution>, ApiProblem>> GetAsync(string execution_id, [AsParameters] ExecutionCall call) =>
        Respond(await call.Visible.GetAsync(execution_id, call.Scope, call.Aborted), call.Response, x => x);

    private static async Task<Results<JsonHttpResult<FlowExecution>, ApiProblem>> PatchAsync(string execution_id, [AsParameters] ExecutionCall call)
    {
        var read = await ExecutionPatchJson.ReadAsync(call.Request, call.Aborted);
        var plan = read.Succeeded ? ExecutionPatches.ForWorkflow(ExecutionPatchJson.Workflow(read.Value.Body)) : read.Refusal;
        var result = await call.Executions.ApplyPlanAsync(execution_id, plan, call.Actor, read.Value.Version, call.Aborted);
        return Respond(result, call.Response, x => x);
    }

    private static async Task<Results<NoContent, ApiProblem>> DeleteAsync(string execution_id, bool? soft, [AsParameters] ExecutionCall call)
    {
        var version = VersionHeaders.FromIfMatch(call.Request);
        // A delete is soft unless asked otherwise, so only an explicit soft=false deletes for good.
        var deleted = version.Succeeded
            ? await call.Executions.ApplyAsync(execution_id, new DeleteFlow(Hard: soft == false), call.Actor, version.Value, call.Aborted)
            : version.Refusal;
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal);
    }

    /// <summary>The start request when it names a template and 1 to <see cref="MaxContexts"/> records, at most one of them primary.</summary>
    private static Outcome<StartRequest> Checked(StartRequest start)
    {
        if (string.IsNullOrWhiteSpace(start.FlowTemplateId))
        {
            return Refusal.Invalid("Name the template to start in 'flow_template_id'.");
        }

        if (start.Contexts is not { Count: > 0 and <= MaxContexts } contexts)
        {
            return Refusal.Invalid($"'contexts' lists the records the workflow runs on: 1 to {MaxContexts} of {{ \"entity_id\": … }}.");
        }

        if (contexts.Exists(c => string.IsNullOrWhiteSpace(c.EntityId)))
        {
            return Refusal.Invalid("Every context needs an 'entity_id'.");
        }

        return contexts.Count(c => c.IsPrimary == true) > 1 ? Refusal.Invalid("At most one context is the primary one.") : start;
    }

    /// <summary>The part of a changed workflow the endpoint answers with, tagged with the workflow's version.</summary>
    private static Results<JsonHttpResult<T>, ApiProblem> Respond<T>(
        Outcome<FlowExecution> result, HttpResponse response, Func<FlowExecution, T?> part, int status = StatusCodes.Status200OK)
        where T : class
    {
        if (!result.Succeeded)
        {
            return ApiResults.Problem(result.Refusal);
        }

        VersionHeaders.Tag(response, result.Value.Version);
        return TypedResults.Json(part(result.Value), FlowJson.Options, statusCode: status);
    }

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    /// <summary>Only the template and the records are required: the trigger defaults to manual, the purposes to none.</summary>
    public sealed record StartRequest(string? FlowTemplateId, List<EntityRef>? Contexts, StartTrigger? Trigger = null, List<string>? Purposes = null)
    {
        internal ExecutionTrigger? ExecutionTrigger => Trigger is null
            ? null
            : new ExecutionTrigger { Type = Trigger.Type ?? ExecutionTriggerType.MANUAL, AutomationConfig = Trigger.AutomationConfig };
    }

    public sealed record StartTrigger(ExecutionTriggerType? Type, AutomationConfig? AutomationConfig);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record SearchRequest(string? EntityId, string? EntitySchema);

    public sealed record SearchResults(IReadOnlyList<FlowExecution> Results);
}
