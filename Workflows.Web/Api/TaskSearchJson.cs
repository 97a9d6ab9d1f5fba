using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core;

namespace Workflows.Web.Api;

/// <summary>Reads the body of <c>POST /v2/flows/tasks:search</c> into the task query it asks for, naming every mistake at once.</summary>
internal static class TaskSearchJson
{
    private const int MaxAssignees = 50;
    private const int MaxIdLength = 64;

    /// <param name="body">The request body.</param>
    /// <param name="me">The assignee ids <c>"me"</c> stands for.</param>
    public static Outcome<TaskQuery> Read(RequestBody body, IReadOnlyList<string> me)
    {
        body.AllowOnly("assignee", "status", "due_from", "due_to", "overdue", "template_id", "entity_schema", "entity_id", "execution_id", "text", "sort", "page", "size", "entity_attributes", "priority_from", "priority_to", "follow_ups");
        var (assignees, unassigned) = AssigneesOf(body, me);
        var status = StatusOf(body);
        var dueFrom = body.Get<DateTimeOffset>("due_from");
        var dueTo = body.Get<DateTimeOffset>("due_to");
        var overdue = body.Get<bool>("overdue");
        var sort = body.Get<string>("sort");
        var page = body.Get<int>("page");
        var size = body.Get<int>("size");
        var query = new TaskQuery
        {
            AssigneeIds = assignees,
            Unassigned = unassigned,
            Status = status.Filter,
            ExactStatus = status.Exact,
            DueFrom = dueFrom.Present ? dueFrom.Value : null,
            DueTo = dueTo.Present ? dueTo.Value : null,
            Overdue = overdue.Value,
            TemplateId = body.Text("template_id", MaxIdLength),
            EntitySchema = body.Text("entity_schema", MaxIdLength),
            EntityId = body.Text("entity_id", MaxIdLength),
            ExecutionId = body.Text("execution_id", MaxIdLength),
            Text = body.Text("text", 200),
            Sort = sort.Value switch
            {
                null or "due_date" => TaskSort.DueDate,
                "-due_date" => TaskSort.DueDateDescending,
                "-updated_at" or "updated_at" => TaskSort.UpdatedDescending,
                "name" => TaskSort.Name,
                "workflow" => TaskSort.Workflow,
                "-priority" => TaskSort.PriorityDescending,
                "priority" => TaskSort.Priority,
                _ => Unknown(body, "'sort' is due_date, -due_date, updated_at, name, workflow, priority or -priority.", TaskSort.DueDate),
            },
            Page = page.Present ? page.Value - 1 : 0,
            PageSize = size.Present ? size.Value : 50,
            PriorityFrom = Priority(body, "priority_from"),
            PriorityTo = Priority(body, "priority_to"),
            ShowFollowUps = body.Get<bool>("follow_ups").Value,
        };
        if (page.Present && page.Value < 1)
        {
            body.Refuse("'page' counts from 1.");
        }

        if (size.Present && size.Value is < 1 or > TaskQuery.MaxPageSize)
        {
            body.Refuse($"'size' is 1 to {TaskQuery.MaxPageSize}.");
        }

        return body.Problem is { } problem ? problem : query;
    }

    private static (IReadOnlyList<string> Ids, bool Unassigned) AssigneesOf(RequestBody body, IReadOnlyList<string> me)
    {
        var asked = body.Get<JsonNode>("assignee");
        var ids = new List<string>();
        switch (asked.Value)
        {
            case null:
                break;
            case JsonValue one when one.TryGetValue<string>(out var id):
                ids.Add(id);
                break;
            case JsonArray many when many.All(n => n is JsonValue v && v.TryGetValue<string>(out _)) && many.Count <= MaxAssignees:
                ids.AddRange(many.Select(n => n!.GetValue<string>()));
                break;
            default:
                body.Refuse($"'assignee' is an id, \"me\", \"unassigned\", or a list of up to {MaxAssignees} ids.");
                break;
        }

        ids = [.. ids.SelectMany(id => id == "me" ? me : [id]).Distinct(StringComparer.Ordinal)];
        if (ids.Exists(id => id.Length is 0 or > MaxIdLength))
        {
            body.Refuse($"Each assignee id has 1 to {MaxIdLength} characters.");
        }

        var unassigned = ids.Remove("unassigned");
        if (unassigned && ids.Count > 0)
        {
            body.Refuse("\"unassigned\" cannot be combined with assignee ids.");
        }

        return (ids, unassigned);
    }

    /// <summary>
    /// The <c>entity_attributes</c> filters as asked: a list of <c>{"attribute", "operator", "value"}</c>, the value a
    /// string, number or boolean. Whether they fit the record type is <see cref="RecordAttributeFilters"/>' to say.
    /// </summary>
    public static IReadOnlyList<RecordAttributeFilter> AttributesOf(RequestBody body)
    {
        const string Shape = "'entity_attributes' is a list of {\"attribute\", \"operator\", \"value\"}, such as " +
            "{\"attribute\": \"amount\", \"operator\": \"greater_than\", \"value\": 10000}.";
        var asked = body.Get<JsonNode>("entity_attributes");
        if (asked.Value is null)
        {
            return [];
        }

        if (asked.Value is not JsonArray items)
        {
            body.Refuse(Shape);
            return [];
        }

        var filters = new List<RecordAttributeFilter>();
        foreach (var item in items)
        {
            if (item is not JsonObject filter || filter.Count != 3
                || filter["attribute"] is not JsonValue attribute || !attribute.TryGetValue<string>(out var name)
                || filter["operator"] is not JsonValue op || !op.TryGetValue<string>(out var operatorName)
                || filter["value"] is not JsonValue value || value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
            {
                body.Refuse(Shape);
                return [];
            }

            filters.Add(new RecordAttributeFilter(name, operatorName,
                value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()));
        }

        return filters;
    }

    private static (TaskStatusFilter Filter, string? Exact) StatusOf(RequestBody body)
    {
        var status = body.Get<string>("status");
        return status.Value switch
        {
            null or "open" => (TaskStatusFilter.Open, null),
            "finished" or "done" => (TaskStatusFilter.Finished, null),
            "all" => (TaskStatusFilter.All, null),
            { } exact when Enum.TryParse<StepStatus>(exact, ignoreCase: false, out var step) && Enum.IsDefined(step) && !exact.All(char.IsDigit) =>
                (TaskStatusFilter.Exactly, step.ToString()),
            _ => Unknown(body, "'status' is open, finished, all, or a task status such as IN_PROGRESS.", (TaskStatusFilter.Open, (string?)null)),
        };
    }

    private static int? Priority(RequestBody body, string name)
    {
        var field = body.Get<int>(name);
        if (field.Present && TaskPriority.Problem(field.Value) is { } problem)
        {
            body.Refuse($"'{name}': {problem}");
        }

        return field.Present ? field.Value : null;
    }

    private static T Unknown<T>(RequestBody body, string message, T fallback)
    {
        body.Refuse(message);
        return fallback;
    }
}
