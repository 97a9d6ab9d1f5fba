using System.Security.Claims;
using Workflows.Core;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Our addition to the spec: <c>POST /v2/flows/tasks:search</c>, the dashboard's task list over the API. A partner's
/// search is always limited to the tasks of them and their organisation.
/// </summary>
public static class TaskSearchApi
{
    public static RouteGroupBuilder MapTaskSearchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/flows").WithTags("Task search")
            .RequireAuthorization(policy => policy.RequireRole([.. AccessRoles.Dashboard.Split(','), Roles.Partner]));
        group.MapPost("/tasks:search", SearchAsync).Accepts<SearchRequest>("application/json");
        return group;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, ClaimsPrincipal user, TaskSearch tasks, CancellationToken ct)
    {
        var json = await ApiJson.ReadObjectAsync(request, ct);
        if (!json.Succeeded)
        {
            return ApiResults.Problem(json.Refusal);
        }

        var body = new RequestBody(json.Value);
        body.AllowOnly("assignee", "status", "due_from", "due_to", "overdue", "template_id", "entity_schema", "entity_id", "execution_id", "text", "sort", "page", "size");
        var assignees = AssigneesOf(body, user);
        var status = StatusOf(body);
        var dueFrom = body.Get<DateTimeOffset>("due_from");
        var dueTo = body.Get<DateTimeOffset>("due_to");
        var overdue = body.Get<bool>("overdue");
        var sort = body.Get<string>("sort");
        var page = body.Get<int>("page");
        var size = body.Get<int>("size");
        var query = new TaskQuery
        {
            AssigneeIds = assignees.Ids,
            Unassigned = assignees.Unassigned,
            Status = status.Filter,
            ExactStatus = status.Exact,
            DueFrom = dueFrom.Present ? dueFrom.Value : null,
            DueTo = dueTo.Present ? dueTo.Value : null,
            Overdue = overdue.Value,
            TemplateId = body.Text("template_id", 64),
            EntitySchema = body.Text("entity_schema", 64),
            EntityId = body.Text("entity_id", 64),
            ExecutionId = body.Text("execution_id", 64),
            Text = body.Text("text", 200),
            Sort = sort.Value switch
            {
                null or "due_date" => TaskSort.DueDate,
                "-due_date" => TaskSort.DueDateDescending,
                "-updated_at" or "updated_at" => TaskSort.UpdatedDescending,
                "name" => TaskSort.Name,
                "workflow" => TaskSort.Workflow,
                _ => Unknown(body, "'sort' is due_date, -due_date, updated_at, name or workflow.", TaskSort.DueDate),
            },
            Page = page.Present ? page.Value - 1 : 0,
            PageSize = size.Present ? size.Value : 50,
        };
        if (page.Present && page.Value < 1)
        {
            body.Refuse("'page' counts from 1.");
        }

        if (size.Present && size.Value is < 1 or > TaskQuery.MaxPageSize)
        {
            body.Refuse($"'size' is 1 to {TaskQuery.MaxPageSize}.");
        }

        if (body.Problem is { } problem)
        {
            return ApiResults.Problem(problem);
        }

        if (assignees.Forbidden)
        {
            return ApiResults.Problem(Refusal.Forbidden("A partner sees only the tasks assigned to them or their organisation."));
        }

        var found = await tasks.SearchAsync(query, ct);
        return TypedResults.Json(
            new SearchResults(found.Total, found.TotalIsLowerBound, found.Page + 1, found.PageSize, found.Items), FlowJson.Options);
    }

    private static (IReadOnlyList<string> Ids, bool Unassigned, bool Forbidden) AssigneesOf(RequestBody body, ClaimsPrincipal user)
    {
        var asked = body.Get<System.Text.Json.Nodes.JsonNode>("assignee");
        var ids = new List<string>();
        switch (asked.Value)
        {
            case null:
                break;
            case System.Text.Json.Nodes.JsonValue one when one.TryGetValue<string>(out var id):
                ids.Add(id);
                break;
            case System.Text.Json.Nodes.JsonArray many when many.All(n => n is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out _)) && many.Count <= 50:
                ids.AddRange(many.Select(n => n!.GetValue<string>()));
                break;
            default:
                body.Refuse("'assignee' is an id, \"me\", \"unassigned\", or a list of up to 50 ids.");
                break;
        }

        var me = user.ToActor().Id;
        ids = [.. ids.Select(id => id == "me" ? me : id).Distinct(StringComparer.Ordinal)];
        if (ids.Exists(id => id.Length is 0 or > 64))
        {
            body.Refuse("Each assignee id has 1 to 64 characters.");
        }

        var unassigned = ids.Remove("unassigned");
        if (unassigned && ids.Count > 0)
        {
            body.Refuse("\"unassigned\" cannot be combined with assignee ids.");
        }

        if (ExecutionAccess.PartnerScope(user) is not { } scope)
        {
            return (ids, unassigned, false);
        }

        var forbidden = unassigned || ids.Exists(id => !scope.Contains(id));
        return (ids.Count == 0 ? [.. scope] : ids, false, forbidden);
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

    private static T Unknown<T>(RequestBody body, string message, T fallback)
    {
        body.Refuse(message);
        return fallback;
    }

    public sealed record SearchRequest(
        string? Assignee, string? Status, DateTimeOffset? DueFrom, DateTimeOffset? DueTo, bool? Overdue, string? TemplateId,
        string? EntitySchema, string? EntityId, string? ExecutionId, string? Text, string? Sort, int? Page, int? Size);

    /// <summary>
    /// <c>total_is_lower_bound</c>: counting stopped early (a common word over everyone's tasks) and more than
    /// <c>total</c> tasks match; <c>total</c> still reaches past the next page.
    /// </summary>
    public sealed record SearchResults(int Total, bool TotalIsLowerBound, int Page, int Size, IReadOnlyList<TaskListItem> Results);
}
