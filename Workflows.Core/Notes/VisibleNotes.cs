using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;
using Workflows.Core.Localization;

namespace Workflows.Core.Notes;

/// <summary>
/// Notes as a user may reach them, for the browser and the API alike. Staff reach the notes of every record, workflow
/// and task; a confined user (a partner) only those of tasks of theirs (<see cref="TaskAccess"/>), and is told "not
/// found" about every other note, so ids reveal nothing. Every read and write passes <see cref="ReachAsync"/>.
/// </summary>
public sealed class VisibleNotes(NoteService notes, VisibleExecutions executions, EntityService records)
{
    /// <summary>The most notes one search reads before the viewer's access is applied and the page is cut.</summary>
    public const int SearchLimit = 1_000;

    /// <summary>
    /// Where notes hang, as the user named it (a record; a workflow, whose record is then known; or a task of a
    /// workflow), when they may read and write notes there.
    /// </summary>
    public async Task<Outcome<NoteTarget>> ReachAsync(
        string? entityId, string? executionId, string? taskId, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        if (executionId is null)
        {
            if (taskId is not null)
            {
                return Refusal.Invalid(RefusalText.Of("TaskNotesNeedWorkflow"));
            }

            if (entityId is null)
            {
                return Refusal.Invalid(RefusalText.Of("NotesWhere"));
            }

            if (scope is not null)
            {
                return PartnersOnTasksOnly;
            }

            return (await records.GetManyAsync([entityId], cancellationToken)).Count > 0
                ? new NoteTarget(entityId)
                : Refusal.NotFound(RefusalText.Of("NoRecord", entityId));
        }

        var execution = await executions.GetAsync(executionId, scope, cancellationToken);
        if (!execution.Succeeded)
        {
            return execution.Refusal;
        }

        var onRecord = execution.Value.PrimaryContext?.EntityId;
        if (onRecord is null || entityId is not null && entityId != onRecord)
        {
            return Refusal.NotFound(RefusalText.Of("WorkflowNotOnRecord", executionId, entityId));
        }

        if (taskId is null)
        {
            return scope is null ? new NoteTarget(onRecord, executionId) : PartnersOnTasksOnly;
        }

        return execution.Value.FindTask(taskId) is not null
            ? new NoteTarget(onRecord, executionId, taskId)
            : Refusal.NotFound(RefusalText.Of("NoTaskInWorkflow", taskId, executionId));
    }

    public async Task<Outcome<IReadOnlyList<NoteThread>>> ListAsync(NoteTarget asked, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var target = await ReachAsync(asked.EntityId, asked.ExecutionId, asked.TaskId, scope, cancellationToken);
        return target.Succeeded ? Outcome<IReadOnlyList<NoteThread>>.From(await notes.ListAsync(target.Value, cancellationToken)) : target.Refusal;
    }

    /// <summary>One note (with its replies when it starts a thread), when the user may reach where it hangs.</summary>
    public async Task<Outcome<NoteThread>> GetAsync(string noteId, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var thread = await notes.GetAsync(noteId, cancellationToken);
        var reach = thread is null ? null : await ReachAsync(thread.Note.EntityId, thread.Note.ExecutionId, thread.Note.TaskId, scope, cancellationToken);
        return reach is { Succeeded: true } ? thread! : NoNote(noteId);
    }

    public async Task<Outcome<Note>> AddAsync(
        NoteTarget asked, string body, string? parentId, Actor author, string? link, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var target = await ReachAsync(asked.EntityId, asked.ExecutionId, asked.TaskId, scope, cancellationToken);
        return target.Succeeded ? await notes.AddAsync(target.Value, body, parentId, author, link, cancellationToken) : target.Refusal;
    }

    public async Task<Outcome<Note>> EditAsync(string noteId, string body, Actor editor, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var found = await GetAsync(noteId, scope, cancellationToken);
        return found.Succeeded ? await notes.EditAsync(noteId, body, editor, cancellationToken) : found.Refusal;
    }

    public async Task<Outcome<Note>> SetPinnedAsync(string noteId, bool pinned, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var found = await GetAsync(noteId, scope, cancellationToken);
        return found.Succeeded ? await notes.SetPinnedAsync(noteId, pinned, cancellationToken) : found.Refusal;
    }

    public async Task<Outcome<bool>> DeleteAsync(string noteId, Actor actor, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        var found = await GetAsync(noteId, scope, cancellationToken);
        return found.Succeeded ? await notes.DeleteAsync(noteId, actor, cancellationToken) : found.Refusal;
    }

    /// <summary>
    /// The notes matching a search that the user may reach, newest first. A confined user's search reaches only notes
    /// on their own tasks; naming a workflow or task beyond those is "not found", as everywhere else.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<Note>>> SearchAsync(NoteSearch asked, IReadOnlyList<string>? scope, CancellationToken cancellationToken)
    {
        // What the search names must be reachable, as when reading there; a partner naming only a record gets what of it is theirs.
        Refusal? refused = null;
        if (asked.TaskId is not null || scope is null && (asked.EntityId ?? asked.ExecutionId) is not null)
        {
            refused = (await ReachAsync(asked.EntityId, asked.ExecutionId, asked.TaskId, scope, cancellationToken)).Refusal;
        }
        else if (asked.ExecutionId is { } executionId)
        {
            refused = (await executions.GetAsync(executionId, scope, cancellationToken)).Refusal;
        }

        if (refused is not null)
        {
            return refused;
        }

        var found = await notes.SearchAsync(asked with { OnTasksOnly = asked.OnTasksOnly || scope is not null }, SearchLimit, cancellationToken);
        if (scope is null)
        {
            return Outcome<IReadOnlyList<Note>>.From(found);
        }

        var visible = new Dictionary<string, FlowExecution?>(StringComparer.Ordinal);
        var reachable = new List<Note>();
        foreach (var note in found)
        {
            if (!visible.TryGetValue(note.ExecutionId!, out var execution))
            {
                var read = await executions.GetAsync(note.ExecutionId!, scope, cancellationToken);
                visible[note.ExecutionId!] = execution = read.Succeeded ? read.Value : null;
            }

            if (execution?.FindTask(note.TaskId!) is not null)
            {
                reachable.Add(note);
            }
        }

        return reachable;
    }

    private static Refusal PartnersOnTasksOnly => Refusal.Forbidden(RefusalText.Of("PartnerNotesOnTasks"));

    private static Refusal NoNote(string noteId) => Refusal.NotFound(RefusalText.Of("NoNote", noteId));
}
