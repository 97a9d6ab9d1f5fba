namespace Workflows.Core.Entities;

/// <summary>One page of a schema's records: text search over title and key attributes, sorted, paged.</summary>
public sealed record RecordQuery
{
    public string? Text { get; init; }

    public RecordSort Sort { get; init; } = RecordSort.UpdatedDescending;

    public int Page { get; init; }

    /// <summary>How many records a page holds: 0 (only the total) to <see cref="MaxPageSize"/>.</summary>
    public int PageSize { get; init; } = 25;

    /// <summary>The offset of the page's first record when the caller counts in records (the API's <c>from</c>) rather than pages.</summary>
    public int? From { get; init; }

    public const int MaxPageSize = 1000;

    /// <summary>How many records to pass over before the page starts.</summary>
    public int Skip => Math.Max(0, From ?? Math.Max(0, Page) * Math.Clamp(PageSize, 0, MaxPageSize));

    /// <summary>Attribute equality filters (<c>city:Berlin</c>), all of which must hold.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Filters { get; init; } = [];
}
