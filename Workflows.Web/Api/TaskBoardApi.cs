using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core.Dashboard;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Our addition to the spec: <c>POST /v2/flows/tasks:board</c>, the task board over the API. It takes the filters of
/// <c>tasks:search</c> with the same partner confinement, and answers every column with its total and first cards, or
/// one column's further page. Moving a card is the task's status change (<c>PATCH …/tasks/{task_id}</c>).
/// </summary>
public static class TaskBoardApi
{
    public static RouteGroupBuilder MapTaskBoardApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/flows").WithTags("Task board").RequireAuthorization(AuthorizationPolicies.SeeWork);
        group.MapPost("/tasks:board", BoardAsync).Accepts<BoardRequest>("application/json").Produces<BoardResults>()
            .Documented("boardTasks", "Read the task board: columns by status or phase, each with its total and a page of cards");
        return group;
    }

    private static async Task<Results<JsonHttpResult<BoardResults>, ApiProblem>> BoardAsync(
        HttpRequest request, ClaimsPrincipal user, TaskBoard board, RecordAttributeFilters attributeFilters, CancellationToken ct)
    {
        var json = await ApiJson.ReadObjectAsync(request, ct);
        var asked = json.Succeeded ? TaskBoardJson.Read(json.Value, TaskAccess.AssigneeIds(user)) : json.Refusal;
        var tasks = asked.Succeeded ? TaskAccess.Confine(asked.Value.Board.Tasks, TaskAccess.AssigneeScope(user)) : asked.Refusal;
        tasks = tasks.Succeeded ? await attributeFilters.ApplyAsync(tasks.Value, asked.Value.Attributes, ct) : tasks;
        if (!tasks.Succeeded)
        {
            return ApiResults.Problem(tasks.Refusal);
        }

        var (query, _, column, page) = asked.Value;
        query = query with { Tasks = tasks.Value };
        if (column is null)
        {
            var all = await board.LoadAsync(query, ct);
            return Answer(all.GroupBy, all.Columns);
        }

        var one = await board.ColumnAsync(query, column, page - 1, ct);
        return one.Succeeded ? Answer(query.GroupBy, [one.Value]) : ApiResults.Problem(one.Refusal);
    }

    private static JsonHttpResult<BoardResults> Answer(BoardGrouping groupBy, IReadOnlyList<BoardColumn> columns) => TypedResults.Json(
        new BoardResults(
            groupBy == BoardGrouping.Phase ? "phase" : "status",
            [.. columns.Select(c => new BoardColumnResult(c.Key, c.Total, c.TotalIsLowerBound, c.Page + 1, c.HasMore, c.Cards))]),
        FlowJson.Options);

    /// <summary>
    /// The filters of <c>tasks:search</c> (without <c>page</c> and <c>size</c>) and the board's: <c>group_by</c> status
    /// (the default; the filter's status is then ignored, as the columns are the statuses) or phase; <c>column_size</c>
    /// cards per column (1–100, default 25); <c>column</c> and <c>column_page</c> (from 1) for one column's further page.
    /// </summary>
    public sealed record BoardRequest(
        string? Assignee, string? Status, DateTimeOffset? DueFrom, DateTimeOffset? DueTo, bool? Overdue, string? TemplateId,
        string? EntitySchema, string? EntityId, string? ExecutionId, string? Text, string? Sort, string? GroupBy, int? ColumnSize,
        string? Column, int? ColumnPage, IReadOnlyList<TaskSearchApi.AttributeFilterJson>? EntityAttributes = null,
        int? PriorityFrom = null, int? PriorityTo = null, bool? FollowUps = null);

    public sealed record BoardResults(string GroupBy, IReadOnlyList<BoardColumnResult> Columns);

    /// <summary>
    /// One column: <c>key</c> is a task status (status board) or a phase name; <c>total</c> counts its tasks
    /// (<c>total_is_lower_bound</c> as in <c>tasks:search</c>); <c>cards</c> are the tasks of page <c>page</c>.
    /// </summary>
    public sealed record BoardColumnResult(string Key, int Total, bool TotalIsLowerBound, int Page, bool HasMore, IReadOnlyList<TaskListItem> Cards);
}
