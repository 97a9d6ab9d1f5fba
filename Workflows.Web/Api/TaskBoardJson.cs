using System.Text.Json.Nodes;
using Workflows.Core;
using Workflows.Core.Dashboard;

namespace Workflows.Web.Api;

/// <summary>
/// Reads the body of <c>POST /v2/flows/tasks:board</c>: the filters of <c>tasks:search</c> (read by
/// <see cref="TaskSearchJson"/>, except its page and size, which a board has per column) and the board's own fields.
/// Every mistake of both is named at once.
/// </summary>
internal static class TaskBoardJson
{
    private static readonly string[] BoardFields = ["group_by", "column_size", "column", "column_page"];

    private static readonly string[] SearchPaging = ["page", "size"];

    /// <summary>
    /// The board asked for, the record attribute filters as asked (<see cref="TaskSearchJson.AttributesOf"/>, which
    /// <see cref="RecordAttributeFilters"/> then checks against the record type), and the one column with its 1-based
    /// page when the body names one ("show more").
    /// </summary>
    public static Outcome<(BoardQuery Board, IReadOnlyList<RecordAttributeFilter> Attributes, string? Column, int Page)> Read(
        JsonObject json, IReadOnlyList<string> me)
    {
        var filters = new JsonObject();
        var own = new JsonObject();
        foreach (var (name, value) in json)
        {
            (BoardFields.Contains(name, StringComparer.Ordinal) ? own : filters)[name] = value?.DeepClone();
        }

        var board = new RequestBody(own);
        var search = new RequestBody(filters);
        foreach (var paging in SearchPaging.Where(search.Has))
        {
            board.Refuse($"'{paging}' is not a field of a board: it pages each column with 'column_size', and one column with 'column' and 'column_page'.");
            filters.Remove(paging);
        }

        var attributes = TaskSearchJson.AttributesOf(search);
        var tasks = TaskSearchJson.Read(search, me);
        var groupBy = board.Get<string>("group_by").Value switch
        {
            null or "status" => BoardGrouping.Status,
            "phase" => BoardGrouping.Phase,
            _ => Refused(board, "'group_by' is status or phase.", BoardGrouping.Status),
        };
        var size = board.Get<int>("column_size");
        if (size.Present && size.Value is < 1 or > BoardQuery.MaxColumnSize)
        {
            board.Refuse($"'column_size' is 1 to {BoardQuery.MaxColumnSize}.");
        }

        var column = board.Text("column", 200);
        var page = board.Get<int>("column_page");
        if (page.Present && page.Value < 1)
        {
            board.Refuse("'column_page' counts from 1.");
        }

        if (page.Present && column is null)
        {
            board.Refuse("'column_page' pages one column: name it in 'column'.");
        }

        var mistakes = board.Mistakes.Concat(tasks.Succeeded ? [] : [tasks.Error!]).ToList();
        if (mistakes.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", mistakes));
        }

        var query = new BoardQuery { Tasks = tasks.Value!, GroupBy = groupBy, ColumnSize = size.Present ? size.Value : BoardQuery.DefaultColumnSize };
        return (query, attributes, column, page.Present ? page.Value : 1);
    }

    private static T Refused<T>(RequestBody body, string message, T fallback)
    {
        body.Refuse(message);
        return fallback;
    }
}
