using System.Text.Json.Nodes;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Patches;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Flows.Validation;
using Workflows.Core;

namespace Workflows.Web.Api;

/// <summary>
/// Reads the bodies that change a running workflow into the patches <see cref="ExecutionPatches"/> plans: which fields
/// were sent, their values, and every mistake in the JSON (unknown fields, values of the wrong kind, lists too long).
/// What the patch means, and which rules it breaks, is the planner's to say.
/// </summary>
internal static class ExecutionPatchJson
{
    public const int MaxAssignees = 50;

    /// <summary>The JSON object body and the version named in <c>If-Match</c>, or why either cannot be read.</summary>
    public static async Task<Outcome<(RequestBody Body, int? Version)>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var version = VersionHeaders.FromIfMatch(request);
        if (!version.Succeeded)
        {
            return version.Refusal;
        }

        var json = await ApiJson.ReadObjectAsync(request, ct);
        return json.Succeeded ? (new RequestBody(json.Value), version.Value) : json.Refusal;
    }

    public static WorkflowPatch Workflow(RequestBody body)
    {
        body.AllowOnly("status", "assigned_to", "closing_reason", "due_date", "due_date_config", "contexts");
        return new WorkflowPatch
        {
            Status = body.Get<WorkflowStatus>("status"),
            ClosingReason = body.Get<FlowClosingReason>("closing_reason", allowNull: true),
            AssignedTo = Assignees(body),
            DueDate = DueDate(body),
            ChangesContexts = body.Has("contexts"),
            Mistakes = [.. body.Mistakes],
        };
    }

    public static TaskPatch Task(RequestBody body)
    {
        string[] planning = ["assigned_to", "due_date", "due_date_config", "priority", "follow_up_date"];
        body.AllowOnly(["status", "next_condition_id", "revert_execution", .. planning, "name", "description", "enabled", "automation_config", "ecp", "installer"]);
        return new TaskPatch
        {
            NamesPlanning = planning.Any(body.Has),
            Status = body.Get<StepStatus>("status"),
            NextConditionId = body.Text("next_condition_id", FlowTemplateValidator.MaxIdLength),
            RevertExecution = body.Get<bool>("revert_execution").Value,
            AssignedTo = Assignees(body),
            DueDate = DueDate(body),
            Name = body.Get<string>("name"),
            Description = body.Get<TaskDescription>("description", allowNull: true),
            Enabled = body.Get<bool>("enabled"),
            NamesFixedSettings = body.Has("automation_config") || body.Has("ecp") || body.Has("installer"),
            Priority = body.Get<int?>("priority", allowNull: true),
            FollowUpDate = body.Get<DateOnly?>("follow_up_date", allowNull: true),
            Mistakes = [.. body.Mistakes],
        };
    }

    public static PhasePatch Phase(RequestBody body)
    {
        body.AllowOnly("name", "due_date", "due_date_config", "assigned_to");
        return new PhasePatch
        {
            Name = body.Get<string>("name"),
            AssignedTo = Assignees(body),
            DueDate = DueDate(body),
            Mistakes = [.. body.Mistakes],
        };
    }

    /// <summary>The body of <c>POST …/tasks</c>: where the task goes, and the task itself (whose mistakes the planner names under "task: ").</summary>
    public static Outcome<NewTaskPatch> NewTask(RequestBody body)
    {
        body.AllowOnly("previous_task_id", "next_task_id", "task");
        var previous = body.Text("previous_task_id", FlowTemplateValidator.MaxIdLength);
        var next = body.Text("next_task_id", FlowTemplateValidator.MaxIdLength);
        var taskJson = body.Get<JsonObject>("task");
        if (!taskJson.Present && body.Problem is null)
        {
            body.Refuse("'task' describes the new task: { \"name\": … }.");
        }

        if (body.Problem is { } problem)
        {
            return problem;
        }

        var task = new RequestBody(taskJson.Value!);
        task.AllowOnly("id", "name", "status", "due_date", "due_date_config", "assigned_to", "enabled", "automation_config", "phase_id", "task_type");
        var patch = new NewTaskPatch
        {
            Id = task.Text("id", FlowTemplateValidator.MaxIdLength) ?? Guid.NewGuid().ToString(),
            Name = task.Text("name", FlowTemplateValidator.MaxNameLength, required: true),
            PreviousTaskId = previous,
            NextTaskId = next,
            Status = task.Get<StepStatus>("status"),
            Type = task.Get<TaskType>("task_type"),
            PhaseId = task.Text("phase_id", FlowTemplateValidator.MaxIdLength),
            AssignedTo = Assignees(task),
            DueDate = DueDate(task),
            NamesAutomation = task.Has("automation_config"),
        };
        task.Get<bool>("enabled");
        return patch with { Mistakes = [.. task.Mistakes] };
    }

    private static PatchField<IReadOnlyList<Assignee>> Assignees(RequestBody body)
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

        return new(field.Present, field.Value);
    }

    /// <summary>The due-date change, or null when the body sets none.</summary>
    private static DueDatePatch? DueDate(RequestBody body)
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

        return date.Present || config.Present ? new DueDatePatch(date.Value, config.Value) : null;
    }
}
