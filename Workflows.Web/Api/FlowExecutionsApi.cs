using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workflows.Core;
using Workflows.Core.Automations;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Validation;
using Workflows.Core.Identity;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Flow executions (the execution spec's <c>/v2/flows/executions</c>). Case workers, managers and admins act on every
/// workflow; a partner sees and works only tasks assigned to them or their organisation (<see cref="ExecutionAccess"/>).
/// Engine refusals map to 404 (unknown), 400 (invalid or locked, with what the task waits for) and 409 (the state
/// moved on, or <c>If-Match</c> named a stale version).
/// </summary>
public static class FlowExecutionsApi
{
    private const int MaxContexts = 50;
    private const int MaxAssignees = 50;

    public static RouteGroupBuilder MapFlowExecutionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/flows").WithTags("Flow executions");
        var workers = group.MapGroup("").RequireAuthorization(policy => policy.RequireRole([.. AccessRoles.Dashboard.Split(','), Roles.Partner]));
        var staff = group.MapGroup("").RequireAuthorization(policy => policy.RequireRole(AccessRoles.Dashboard.Split(',')));

        staff.MapPost("/executions", StartAsync).Accepts<StartRequest>("application/json");
        workers.MapPost("/executions:search", SearchAsync).Accepts<SearchRequest>("application/json");
        workers.MapGet("/executions/{execution_id}", GetAsync);
        staff.MapPatch("/executions/{execution_id}", PatchAsync).Accepts<JsonElement>("application/json");
        group.MapDelete("/executions/{execution_id}", DeleteAsync)
            .RequireAuthorization(policy => policy.RequireAssertion(c => AccessPolicy.MayDeleteWorkflows(c.User)));
        workers.MapPatch("/executions/{execution_id}/tasks/{task_id}", PatchTaskAsync).Accepts<JsonElement>("application/json");
        staff.MapPost("/executions/{execution_id}/tasks", AddTaskAsync).Accepts<JsonElement>("application/json");
        workers.MapPost("/executions/{execution_id}/tasks/{task_id}/automation:run", RunAutomationAsync);
        workers.MapPost("/executions/{execution_id}/tasks/{task_id}/execute", ExecuteAsync);
        staff.MapDelete("/executions/{execution_id}/tasks/{task_id}/schedule", CancelScheduleAsync);
        staff.MapPatch("/executions/{execution_id}/phases/{phase_id}", PatchPhaseAsync).Accepts<JsonElement>("application/json");
        return group;
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ClaimsPrincipal user, FlowExecutionService executions, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<StartRequest>(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        var start = body.Value;
        if (string.IsNullOrWhiteSpace(start.FlowTemplateId))
        {
            return ApiResults.BadRequest("Name the template to start in 'flow_template_id'.");
        }

        if (start.Contexts is not { Count: > 0 and <= MaxContexts } contexts)
        {
            return ApiResults.BadRequest($"'contexts' lists the records the workflow runs on: 1 to {MaxContexts} of {{ \"entity_id\": … }}.");
        }

        if (contexts.Exists(c => string.IsNullOrWhiteSpace(c.EntityId)))
        {
            return ApiResults.BadRequest("Every context needs an 'entity_id'.");
        }

        if (contexts.Count(c => c.IsPrimary == true) > 1)
        {
            return ApiResults.BadRequest("At most one context is the primary one.");
        }

        var trigger = start.Trigger is null ? null : new ExecutionTrigger { Type = start.Trigger.Type ?? ExecutionTriggerType.MANUAL, AutomationConfig = start.Trigger.AutomationConfig };
        var started = await executions.StartAsync(start.FlowTemplateId, contexts, user.ToActor(), ct, trigger);
        if (!started.Succeeded)
        {
            return ApiResults.Problem(started.Refusal);
        }

        VersionHeaders.Tag(request.HttpContext.Response, started.Value.Version);
        return TypedResults.Json(started.Value, FlowJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, ClaimsPrincipal user, FlowExecutionService executions, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<SearchRequest>(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        if (string.IsNullOrWhiteSpace(body.Value.EntityId))
        {
            return ApiResults.BadRequest("Name the record in 'entity_id' (and its schema in 'entity_schema').");
        }

        var scope = ExecutionAccess.PartnerScope(user);
        var found = await executions.ListForEntityAsync(body.Value.EntityId, ct);
        var results = found
            .Where(x => body.Value.EntitySchema is null || x.PrimaryContext?.EntitySchema == body.Value.EntitySchema)
            .Where(x => ExecutionAccess.CanSee(x, scope))
            .Select(x => ExecutionAccess.ForViewer(x, scope))
            .ToList();
        return TypedResults.Json(new SearchResults(results), FlowJson.Options);
    }

    private static async Task<IResult> GetAsync(
        string execution_id, ClaimsPrincipal user, HttpResponse response, FlowExecutionService executions, CancellationToken ct)
    {
        var execution = await executions.GetAsync(execution_id, ct);
        var scope = ExecutionAccess.PartnerScope(user);
        if (execution is null || !ExecutionAccess.CanSee(execution, scope))
        {
            return ApiResults.Problem(ExecutionAccess.NotFound(execution_id));
        }

        VersionHeaders.Tag(response, execution.Version);
        return TypedResults.Json(ExecutionAccess.ForViewer(execution, scope), FlowJson.Options);
    }

    private static async Task<IResult> PatchAsync(
        string execution_id, HttpRequest request, ClaimsPrincipal user, FlowExecutionService executions, CancellationToken ct)
    {
        var read = await ReadPatchAsync(request, ct);
        if (!read.Succeeded)
        {
            return ApiResults.Problem(read.Refusal);
        }

        var (body, version) = read.Value;
        body.AllowOnly("status", "assigned_to", "closing_reason", "due_date", "due_date_config", "contexts");
        var status = body.Get<WorkflowStatus>("status");
        var closing = body.Get<FlowClosingReason>("closing_reason", allowNull: true);
        var assignees = Assignees(body);
        var due = DueDate(body);
        if (body.Has("contexts"))
        {
            body.Refuse("The records of a running workflow cannot be changed; start a new workflow on the other records.");
        }

        if (status.Present && status.Value == WorkflowStatus.DONE)
        {
            body.Refuse("A workflow becomes DONE when every task is finished; it cannot be set. Use CLOSED to end it early.");
        }

        if (closing is { Present: true, Value: not null } && !(status.Present && status.Value == WorkflowStatus.CLOSED))
        {
            body.Refuse("'closing_reason' goes with \"status\": \"CLOSED\".");
        }

        if (body.Problem is { } problem)
        {
            return ApiResults.Problem(problem);
        }

        // Status last, so a workflow can be reassigned and closed in one call.
        var commands = new List<FlowCommand>();
        if (assignees.Present)
        {
            commands.Add(new Assign(FlowItemRef.Workflow, assignees.Value ?? []));
        }

        if (due is { } dueDate)
        {
            commands.Add(dueDate with { Target = FlowItemRef.Workflow });
        }

        // Status only when it differs, so a client may send the status it sees beside other changes.
        Outcome<IReadOnlyList<FlowCommand>> Plan(FlowExecution execution)
        {
            var all = new List<FlowCommand>(commands);
            if (status.Present && status.Value != execution.Status)
            {
                all.Add(status.Value == WorkflowStatus.CLOSED
                    ? new CloseFlow([.. (closing.Value?.SelectedReasons ?? []).Select(r => r.Id)], closing.Value?.ExtraDescription)
                    : new ReopenFlow());
            }

            return all.Count == 0
                ? Refusal.Invalid("The patch changes nothing; send status, assigned_to, closing_reason, due_date or due_date_config.")
                : all;
        }

        var result = await executions.ApplyPlannedAsync(execution_id, Plan, user.ToActor(), version, ct);
        return Respond(result, request.HttpContext.Response, x => x);
    }

    private static async Task<IResult> DeleteAsync(
        string execution_id, bool? soft, HttpRequest request, ClaimsPrincipal user, FlowExecutionService executions, CancellationToken ct)
    {
        var version = VersionHeaders.FromIfMatch(request);
        if (!version.Succeeded)
        {
            return ApiResults.Problem(version.Refusal);
        }

        // DESIGN: delete is soft unless asked otherwise, so only an explicit soft=false deletes for good.
        var deleted = await executions.ApplyAsync(execution_id, new DeleteFlow(Hard: soft == false), user.ToActor(), version.Value, ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal);
    }

    private static async Task<IResult> PatchTaskAsync(
        string execution_id, string task_id, HttpRequest request, ClaimsPrincipal user, FlowExecutionService executions, CancellationToken ct)
    {
        var read = await ReadPatchAsync(request, ct);
        if (!read.Succeeded)
        {
            return ApiResults.Problem(read.Refusal);
        }

        var (body, version) = read.Value;
        var scope = ExecutionAccess.PartnerScope(user);
        string[] workFields = ["status", "next_condition_id", "revert_execution"];
        string[] planFields = ["assigned_to", "due_date", "due_date_config"];
        string[] fixedFields = ["name", "description", "enabled", "automation_config", "ecp", "installer"];
        body.AllowOnly([.. workFields, .. planFields, .. fixedFields]);
        if (scope is not null && planFields.Any(body.Has))
        {
            return ApiResults.Problem(Refusal.Forbidden("A partner may change the status of their tasks, not their assignees or due dates."));
        }

        var status = body.Get<StepStatus>("status");
        var branch = body.Text("next_condition_id", FlowTemplateValidator.MaxIdLength);
        var revert = body.Get<bool>("revert_execution");
        var assignees = Assignees(body);
        var due = DueDate(body);
        var name = body.Get<string>("name");
        var description = body.Get<TaskDescription>("description", allowNull: true);
        var enabled = body.Get<bool>("enabled");
        if (branch is not null && status.Present && status.Value != StepStatus.COMPLETED)
        {
            body.Refuse("'next_condition_id' completes a decision; leave out 'status' or send COMPLETED.");
        }

        if (body.Problem is { } problem)
        {
            return ApiResults.Problem(problem);
        }

        var commands = new List<FlowCommand>();
        if (assignees.Present)
        {
            commands.Add(new Assign(FlowItemRef.Task(task_id), assignees.Value ?? []));
        }

        if (due is { } dueDate)
        {
            commands.Add(dueDate with { Target = FlowItemRef.Task(task_id) });
        }

        if (branch is not null)
        {
            commands.Add(new ChooseDecisionBranch(task_id, branch));
        }
        else if (status.Present)
        {
            commands.Add(new SetTaskStatus(task_id, status.Value, revert.Value));
        }

        Refusal? Guard(FlowExecution execution)
        {
            if (ExecutionAccess.MayWork(execution, task_id, scope) is { } hidden)
            {
                return hidden;
            }

            if (execution.FindTask(task_id) is not { } task)
            {
                return Refusal.NotFound($"Workflow '{execution.Name}' has no task '{task_id}'.");
            }

            // The spec lets a PATCH carry the task's other fields; they are accepted only unchanged.
            if (name.Present && name.Value != task.Name)
            {
                return Refusal.Invalid($"The name of '{task.Name}' cannot be changed in a running workflow.");
            }

            if (description.Present && description.Value != task.Description)
            {
                return Refusal.Invalid($"The description of '{task.Name}' cannot be changed in a running workflow.");
            }

            if (enabled.Present && enabled.Value != task.Enabled)
            {
                return Refusal.Invalid($"Whether '{task.Name}' is enabled follows from its requirements; it cannot be set.");
            }

            if (body.Has("automation_config") || body.Has("ecp") || body.Has("installer"))
            {
                return Refusal.Invalid("automation_config, ecp and installer cannot be changed on a running task.");
            }

            return commands.Count == 0 ? Refusal.Invalid("The patch changes nothing; send status, next_condition_id, assigned_to, due_date or due_date_config.") : null;
        }

        var result = await executions.ApplyAllAsync(execution_id, commands, user.ToActor(), version, ct, Guard);
        return Respond(result, request.HttpContext.Response, x => x.FindTask(task_id));
    }

    private static async Task<IResult> AddTaskAsync(
        string execution_id, HttpRequest request, ClaimsPrincipal user, FlowExecutionService executions, CancellationToken ct)
    {
        var read = await ReadPatchAsync(request, ct);
        if (!read.Succeeded)
        {
            return ApiResults.Problem(read.Refusal);
        }

        var (body, version) = read.Value;
        body.AllowOnly("previous_task_id", "next_task_id", "task");
        var previous = body.Text("previous_task_id", FlowTemplateValidator.MaxIdLength);
        var next = body.Text("next_task_id", FlowTemplateValidator.MaxIdLength);
        var taskJson = body.Get<System.Text.Json.Nodes.JsonObject>("task");
        if (!taskJson.Present && body.Problem is null)
        {
            body.Refuse("'task' describes the new task: { \"name\": … }.");
        }

        if (body.Problem is { } problem)
        {
            return ApiResults.Problem(problem);
        }

        var task = new RequestBody(taskJson.Value!);
        task.AllowOnly("id", "name", "status", "due_date", "due_date_config", "assigned_to", "enabled", "automation_config", "phase_id", "task_type");
        var id = task.Text("id", FlowTemplateValidator.MaxIdLength) ?? Guid.NewGuid().ToString();
        var name = task.Text("name", FlowTemplateValidator.MaxNameLength, required: true);
        var status = task.Get<StepStatus>("status");
        var type = task.Get<TaskType>("task_type");
        var phase = task.Text("phase_id", FlowTemplateValidator.MaxIdLength);
        var assignees = Assignees(task);
        var due = DueDate(task);
        task.Get<bool>("enabled");
        if (type.Present && type.Value != TaskType.MANUAL)
        {
            task.Refuse("Only MANUAL tasks can be added to a running workflow.");
        }

        if (task.Has("automation_config"))
        {
            task.Refuse("A task added by hand runs no automation; leave out 'automation_config'.");
        }

        if (task.Problem is { } taskProblem)
        {
            return ApiResults.Problem(taskProblem with { Message = "task: " + taskProblem.Message });
        }

        var commands = new List<FlowCommand>
        {
            new AddManualTask(id, name!, previous, next) { PhaseId = phase, DueDate = due?.DueDate, AssignedTo = assignees.Value },
        };
        if (due is { Config: not null } rule)
        {
            commands.Add(rule with { Target = FlowItemRef.Task(id) });
        }

        if (status.Present && status.Value is not (StepStatus.PENDING or StepStatus.UNASSIGNED or StepStatus.ASSIGNED))
        {
            commands.Add(new SetTaskStatus(id, status.Value));
        }

        var result = await executions.ApplyAllAsync(execution_id, commands, user.ToActor(), version, ct);
        return Respond(result, request.HttpContext.Response, x => x.FindTask(id), StatusCodes.Status201Created);
    }

    private static async Task<IResult> RunAutomationAsync(
        string execution_id, string task_id, HttpRequest request, ClaimsPrincipal user, AutomationTaskRunner automations, CancellationToken ct)
    {
        var version = VersionHeaders.FromIfMatch(request);
        if (!version.Succeeded)
        {
            return ApiResults.Problem(version.Refusal);
        }

        var scope = ExecutionAccess.PartnerScope(user);
        var result = await automations.RunAsync(execution_id, task_id, user.ToActor(), version.Value, ct, x => ExecutionAccess.MayWork(x, task_id, scope));
        return Respond(result, request.HttpContext.Response, x => x.FindTask(task_id));
    }

    /// <summary>"Executes any kind of flow task immediately": runs an automation, re-evaluates a failed decision.</summary>
    private static async Task<IResult> ExecuteAsync(
        string execution_id, string task_id, HttpRequest request, ClaimsPrincipal user,
        FlowExecutionService executions, AutomationTaskRunner automations, CancellationToken ct)
    {
        var version = VersionHeaders.FromIfMatch(request);
        if (!version.Succeeded)
        {
            return ApiResults.Problem(version.Refusal);
        }

        var scope = ExecutionAccess.PartnerScope(user);
        var execution = await executions.GetAsync(execution_id, ct);
        if (execution is null || !ExecutionAccess.CanSee(execution, scope))
        {
            return ApiResults.Problem(ExecutionAccess.NotFound(execution_id));
        }

        if (ExecutionAccess.MayWork(execution, task_id, scope) is { } hidden)
        {
            return ApiResults.Problem(hidden);
        }

        var task = execution.FindTask(task_id);
        Refusal? Guard(FlowExecution x) => ExecutionAccess.MayWork(x, task_id, scope);
        var result = task?.TaskType switch
        {
            null => Refusal.NotFound($"Workflow '{execution.Name}' has no task '{task_id}'."),
            TaskType.AUTOMATION => await automations.RunAsync(execution_id, task_id, user.ToActor(), version.Value, ct, Guard),
            TaskType.DECISION when task.Status == StepStatus.FAILED =>
                await executions.ApplyAllAsync(execution_id, [new RetryTask(task_id)], user.ToActor(), version.Value, ct, Guard),
            TaskType.DECISION => Refusal.Invalid($"'{task.Name}' is decided by choosing a branch: PATCH the task with 'next_condition_id'."),
            _ => (Outcome<FlowExecution>)Refusal.Invalid($"'{task.Name}' is done by a person: PATCH its status to IN_PROGRESS or COMPLETED."),
        };
        return Respond(result, request.HttpContext.Response, x => x.FindTask(task_id));
    }

    private static async Task<IResult> CancelScheduleAsync(
        string execution_id, string task_id, HttpRequest request, ClaimsPrincipal user, FlowExecutionService executions, CancellationToken ct)
    {
        var version = VersionHeaders.FromIfMatch(request);
        if (!version.Succeeded)
        {
            return ApiResults.Problem(version.Refusal);
        }

        var result = await executions.ApplyAsync(execution_id, new CancelSchedule(task_id), user.ToActor(), version.Value, ct);
        if (!result.Succeeded)
        {
            return ApiResults.Problem(result.Refusal);
        }

        VersionHeaders.Tag(request.HttpContext.Response, result.Value.Version);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> PatchPhaseAsync(
        string execution_id, string phase_id, HttpRequest request, ClaimsPrincipal user, FlowExecutionService executions, CancellationToken ct)
    {
        var read = await ReadPatchAsync(request, ct);
        if (!read.Succeeded)
        {
            return ApiResults.Problem(read.Refusal);
        }

        var (body, version) = read.Value;
        body.AllowOnly("name", "due_date", "due_date_config", "assigned_to");
        var name = body.Get<string>("name");
        var assignees = Assignees(body);
        var due = DueDate(body);
        if (body.Problem is { } problem)
        {
            return ApiResults.Problem(problem);
        }

        var commands = new List<FlowCommand>();
        if (assignees.Present)
        {
            commands.Add(new Assign(FlowItemRef.Phase(phase_id), assignees.Value ?? []));
        }

        if (due is { } dueDate)
        {
            commands.Add(dueDate with { Target = FlowItemRef.Phase(phase_id) });
        }

        Refusal? Guard(FlowExecution execution)
        {
            if (execution.FindPhase(phase_id) is not { } phase)
            {
                return Refusal.NotFound($"Workflow '{execution.Name}' has no phase '{phase_id}'.");
            }

            if (name.Present && name.Value != phase.Name)
            {
                return Refusal.Invalid($"The name of phase '{phase.Name}' cannot be changed in a running workflow.");
            }

            return commands.Count == 0 ? Refusal.Invalid("The patch changes nothing; send assigned_to, due_date or due_date_config.") : null;
        }

        var result = await executions.ApplyAllAsync(execution_id, commands, user.ToActor(), version, ct, Guard);
        return Respond(result, request.HttpContext.Response, x => x.FindPhase(phase_id));
    }

    /// <summary>The JSON object body and the version named in <c>If-Match</c>.</summary>
    private static async Task<Outcome<(RequestBody Body, int? Version)>> ReadPatchAsync(HttpRequest request, CancellationToken ct)
    {
        var version = VersionHeaders.FromIfMatch(request);
        if (!version.Succeeded)
        {
            return version.Refusal;
        }

        var json = await ApiJson.ReadObjectAsync(request, ct);
        return json.Succeeded ? (new RequestBody(json.Value), version.Value) : json.Refusal;
    }

    private static Field<List<Assignee>> Assignees(RequestBody body)
    {
        var field = body.Get<List<Assignee>>("assigned_to", allowNull: true);
        if (field.Value is { } list)
        {
            if (list.Count > MaxAssignees)
            {
                body.Refuse($"'assigned_to' lists at most {MaxAssignees} assignees.");
            }

            if (list.Exists(a => (a.Id ?? a.Variable ?? "").Length is 0 or > FlowTemplateValidator.MaxIdLength))
            {
                body.Refuse($"Each assignee is an id or a variable of 1 to {FlowTemplateValidator.MaxIdLength} characters.");
            }
        }

        return field;
    }

    /// <summary>A due-date change (target filled in by the caller), or null when the body sets none.</summary>
    private static SetDueDate? DueDate(RequestBody body)
    {
        var date = body.Get<FlowDueDate>("due_date", allowNull: true);
        var config = body.Get<DueDateConfig>("due_date_config", allowNull: true);
        if (config.Value is { } rule && (!Enum.IsDefined(rule.Unit) || !Enum.IsDefined(rule.Type)))
        {
            body.Refuse("'due_date_config' needs a known 'unit' and 'type'.");
        }

        if (date is { Present: true, Value: not null } && config is { Present: true, Value: not null })
        {
            body.Refuse("Send either a fixed 'due_date' or a 'due_date_config', not both.");
        }

        return date.Present || config.Present ? new SetDueDate(FlowItemRef.Workflow, date.Value, config.Value) : null;
    }

    private static IResult Respond<T>(Outcome<FlowExecution> result, HttpResponse response, Func<FlowExecution, T?> part, int status = StatusCodes.Status200OK)
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
    public sealed record StartRequest(string? FlowTemplateId, List<EntityRef>? Contexts, StartTrigger? Trigger, List<string>? Purposes);

    public sealed record StartTrigger(ExecutionTriggerType? Type, AutomationConfig? AutomationConfig);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record SearchRequest(string? EntityId, string? EntitySchema);

    public sealed record SearchResults(IReadOnlyList<FlowExecution> Results);
}
