using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Our addition to the spec: <c>POST /v2/flows/tasks:search</c>, the dashboard's task list over the API. A partner's
/// search is always limited to the tasks of them and their organisation (<see cref="TaskAccess.Confine(TaskQuery, IReadOnlyList{string}?)"/>).
/// </summary>
public static class TaskSearchApi
{
    public static RouteGroupBuilder MapTaskSearchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/flows").WithTags("Task search").RequireAuthorization(AuthorizationPolicies.SeeWork);
        group.MapPost("/tasks:search", SearchAsync).Accepts<SearchRequest>("application/json").Produces<SearchResults>()
            .Documented("searchTasks", "Search tasks as the dashboard lists them, a page at a time");
        return group;
    }

    private static async Task<Results<JsonHttpResult<SearchResults>, ApiProblem>> SearchAsync(
        HttpRequest request, ClaimsPrincipal user, TaskSearch tasks, RecordAttributeFilters attributeFilters, CancellationToken ct)
    {
        var json = await ApiJson.ReadObjectAsync(request, ct);
        var body = json.Succeeded ? new RequestBody(json.Value) : null;
        var attributes = body is null ? [] : TaskSearchJson.AttributesOf(body);
        var asked = body is not null ? TaskSearchJson.Read(body, TaskAccess.AssigneeIds(user)) : json.Refusal!;
        asked = asked.Succeeded ? await attributeFilters.ApplyAsync(asked.Value, attributes, ct) : asked;
        var query = asked.Succeeded ? TaskAccess.Confine(asked.Value, TaskAccess.AssigneeScope(user)) : asked.Refusal;
        if (!query.Succeeded)
        {
            return ApiResults.Problem(query.Refusal);
        }

        var found = await tasks.SearchAsync(query.Value, ct);
        return TypedResults.Json(
            new SearchResults(found.Total, found.TotalIsLowerBound, found.Page + 1, found.PageSize, found.Items), FlowJson.Options);
    }

    public sealed record SearchRequest(
        string? Assignee, string? Status, DateTimeOffset? DueFrom, DateTimeOffset? DueTo, bool? Overdue, string? TemplateId,
        string? EntitySchema, string? EntityId, string? ExecutionId, string? Text, string? Sort, int? Page, int? Size,
        IReadOnlyList<AttributeFilterJson>? EntityAttributes, int? PriorityFrom, int? PriorityTo, bool? FollowUps);

    /// <summary>
    /// A filter on the primary record's attribute (needs <c>entity_schema</c>; the attribute must be filterable):
    /// <c>operator</c> is equals, not_equals, greater_than, greater_than_or_equals, less_than or less_than_or_equals for
    /// numbers and dates, equals or contains for text, equals for options and booleans. <c>value</c> is a string, number or boolean.
    /// </summary>
    public sealed record AttributeFilterJson(string Attribute, string Operator, System.Text.Json.JsonElement Value);

    /// <summary>
    /// <c>total_is_lower_bound</c>: counting stopped early (a common word over everyone's tasks) and more than
    /// <c>total</c> tasks match; <c>total</c> still reaches past the next page.
    /// </summary>
    public sealed record SearchResults(int Total, bool TotalIsLowerBound, int Page, int Size, IReadOnlyList<TaskListItem> Results);
}
