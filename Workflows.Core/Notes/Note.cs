namespace Workflows.Core.Notes;

/// <summary>A Markdown note on a record, on a workflow of it, or on one task of that workflow; replies are one level deep.</summary>
public sealed class Note
{
    public required string Id { get; init; }

    public required string EntityId { get; init; }

    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }

    public string? ParentId { get; init; }

    public required string AuthorId { get; init; }

    public required string AuthorName { get; init; }

    public required string Body { get; set; }

    public bool Pinned { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Where the note hangs.</summary>
    public NoteTarget Target => new(EntityId, ExecutionId, TaskId);
}
