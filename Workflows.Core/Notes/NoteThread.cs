namespace Workflows.Core.Notes;

/// <summary>A top-level note with its replies, oldest reply first.</summary>
public sealed record NoteThread(Note Note, IReadOnlyList<Note> Replies);
