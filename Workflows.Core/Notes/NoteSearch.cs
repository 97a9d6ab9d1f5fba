namespace Workflows.Core.Notes;

/// <summary>
/// What a notes search narrows to: a record, a workflow, a task (each optional), words the note contains, and, for a
/// confined user, only notes on tasks.
/// </summary>
public sealed record NoteSearch(string? EntityId = null, string? ExecutionId = null, string? TaskId = null, string? Text = null, bool OnTasksOnly = false);
