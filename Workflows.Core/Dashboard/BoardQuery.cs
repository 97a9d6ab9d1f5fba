namespace Workflows.Core.Dashboard;

/// <summary>
/// Which board a user or API client wants: the task list's filters, what the columns are, and how many cards a column
/// shows at a time. Grouped by status, the filters' status is ignored (the columns are the statuses); grouped by phase,
/// it applies to every column.
/// </summary>
public sealed record BoardQuery
{
    public required TaskQuery Tasks { get; init; }

    public BoardGrouping GroupBy { get; init; } = BoardGrouping.Status;

    /// <summary>Cards per column and per "show more".</summary>
    public int ColumnSize { get; init; } = DefaultColumnSize;

    public const int DefaultColumnSize = 25;

    public const int MaxColumnSize = 100;

    /// <summary>A phase board shows at most this many phases, those with most tasks first.</summary>
    public const int MaxPhaseColumns = 20;
}
