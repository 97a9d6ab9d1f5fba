namespace Workflows.Core.Dashboard;

/// <summary>
/// One column of a task board: its key (a task status such as <c>IN_PROGRESS</c>, or a phase name), how many tasks it
/// holds in all, and one page of its cards, soonest due first.
/// </summary>
public sealed record BoardColumn
{
    public required string Key { get; init; }

    public required int Total { get; init; }

    /// <summary>Counting stopped early (a common word in a text search): more than <see cref="Total"/> tasks match.</summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>The zero-based page of <see cref="Cards"/>, each page <see cref="BoardQuery.ColumnSize"/> cards.</summary>
    public int Page { get; init; }

    public required IReadOnlyList<TaskListItem> Cards { get; init; }

    /// <summary>Whether pages after this one hold more cards.</summary>
    public required bool HasMore { get; init; }
}
