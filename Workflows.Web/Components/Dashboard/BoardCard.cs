using Workflows.Core.Dashboard;

namespace Workflows.Web.Components.Dashboard;

/// <summary>A task on the board: the column it is in (a refused move leaves it there, so the card snaps back) and its lane.</summary>
public sealed class BoardCard(TaskListItem item, string column, string lane)
{
    public TaskListItem Item { get; } = item;

    public string Column { get; set; } = column;

    public string Lane { get; } = lane;

    public string Zone => ZoneOf(Lane, Column);

    /// <summary>The drop zone of a column in a lane.</summary>
    public static string ZoneOf(string lane, string column) => $"{lane}\u001f{column}";

    /// <summary>The column of a drop zone.</summary>
    public static string ColumnOf(string zone) => zone[(zone.IndexOf('\u001f', StringComparison.Ordinal) + 1)..];
}
