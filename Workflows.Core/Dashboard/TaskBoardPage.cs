namespace Workflows.Core.Dashboard;

/// <summary>A task board as it opens: its columns in order, each with its total and first page of cards.</summary>
public sealed record TaskBoardPage(BoardGrouping GroupBy, IReadOnlyList<BoardColumn> Columns);
