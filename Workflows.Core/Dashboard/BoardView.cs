using System.Security.Claims;

namespace Workflows.Core.Dashboard;

/// <summary>
/// Everything that decides what a task board shows, as it lives in the page's URL: the dashboard's filters
/// (<see cref="DashboardView"/>, whose page and page size a board does not use), the columns and the swimlanes.
/// </summary>
public sealed record BoardView
{
    public DashboardView Filters { get; init; } = new();

    public BoardGrouping GroupBy { get; init; } = BoardGrouping.Status;

    public BoardLanes Lanes { get; init; } = BoardLanes.None;

    public static BoardView Parse(IReadOnlyDictionary<string, string?> query)
    {
        string? Get(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new BoardView
        {
            Filters = DashboardView.Parse(query) with { Page = 0, PageSize = new DashboardView().PageSize },
            GroupBy = Get("columns") is "phase" ? BoardGrouping.Phase : BoardGrouping.Status,
            Lanes = Get("lanes") switch
            {
                "assignee" => BoardLanes.Assignee,
                "record" => BoardLanes.Record,
                "workflow" => BoardLanes.Workflow,
                _ => BoardLanes.None,
            },
        };
    }

    /// <summary>The URL query of this board, without the defaults: the filters' keys, then <c>columns</c> and <c>lanes</c>.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if ((Filters with { Page = 0, PageSize = new DashboardView().PageSize }).ToQueryString() is { Length: > 0 } filters)
        {
            parts.Add(filters);
        }

        if (GroupBy == BoardGrouping.Phase)
        {
            parts.Add("columns=phase");
        }

        if (Lanes != BoardLanes.None)
        {
            parts.Add($"lanes={Lanes.ToString().ToLowerInvariant()}");
        }

        return string.Join('&', parts);
    }

    /// <summary>The board query this view asks for on behalf of the signed-in user, within what they may see.</summary>
    public BoardQuery ToQuery(ClaimsPrincipal user, DateTimeOffset now, TimeZoneInfo zone) =>
        new() { Tasks = Filters.ToQuery(user, now, zone), GroupBy = GroupBy };
}
