namespace Workflows.Core.Notes;

/// <summary>Where notes hang: a record, optionally narrowed to one workflow and one task of it.</summary>
public sealed record NoteTarget(string EntityId, string? ExecutionId = null, string? TaskId = null);
