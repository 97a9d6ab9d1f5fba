namespace Workflows.Core.Entities;

/// <summary>One page of a schema's records: text search over title and key attributes, sorted, paged.</summary>
public sealed record RecordQuery
{
    public string? Text { get; init; }

    public RecordSort Sort { get; init; } = RecordSort.UpdatedDescending;

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;

    /// <summary>Attribute equality filters (<c>city:Berlin</c>), all of which must hold.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Filters { get; init; } = [];
}
