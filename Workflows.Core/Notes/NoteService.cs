using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Identity;
using Workflows.Core.Notifications;
using Workflows.Core.Localization;

namespace Workflows.Core.Notes;

/// <summary>
/// Notes with one level of replies, pinning, editing and deleting one's own, and @mentions: a mention of a user by
/// name notifies them and everyone else in the thread.
/// </summary>
public sealed class NoteService(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    UserDirectory directory,
    NotificationService notifications,
    TimeProvider clock)
{
    public const int MaxLength = 10_000;

    /// <summary>Raised after any note on a record changed, with the record's id, for live pages.</summary>
    public event Action<string>? Changed;

    /// <summary>Raises <see cref="Changed"/> for a record whose notes another instance changed.</summary>
    public void Announce(string entityId) => Changed?.Invoke(entityId);

    public async Task<IReadOnlyList<NoteThread>> ListAsync(NoteTarget target, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notes = await db.Notes.AsNoTracking()
            .Where(n => n.EntityId == target.EntityId && n.ExecutionId == target.ExecutionId && n.TaskId == target.TaskId && n.DeletedAt == null)
            .OrderBy(n => n.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. notes
            .Where(n => n.ParentId is null)
            .OrderByDescending(n => n.Pinned)
            .ThenByDescending(n => n.CreatedAt)
            .Select(n => new NoteThread(n, [.. notes.Where(r => r.ParentId == n.Id)]))];
    }

    /// <summary>One note that is not deleted, with its replies when it starts a thread; null when there is none.</summary>
    public async Task<NoteThread?> GetAsync(string noteId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notes = await db.Notes.AsNoTracking()
            .Where(n => (n.Id == noteId || n.ParentId == noteId) && n.DeletedAt == null)
            .OrderBy(n => n.CreatedAt)
            .ToListAsync(cancellationToken);
        return notes.Find(n => n.Id == noteId) is { } note ? new NoteThread(note, [.. notes.Where(n => n.ParentId == noteId)]) : null;
    }

    /// <summary>
    /// The notes (top-level and replies) matching a search, newest first: on one record, workflow or task when named,
    /// containing the text when given (case-insensitive); <paramref name="limit"/> at most.
    /// </summary>
    public async Task<IReadOnlyList<Note>> SearchAsync(NoteSearch search, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notes = db.Notes.AsNoTracking().Where(n => n.DeletedAt == null);
        if (search.EntityId is { } entityId)
        {
            notes = notes.Where(n => n.EntityId == entityId);
        }

        if (search.ExecutionId is { } executionId)
        {
            notes = notes.Where(n => n.ExecutionId == executionId);
        }

        if (search.TaskId is { } taskId)
        {
            notes = notes.Where(n => n.TaskId == taskId);
        }

        if (search.OnTasksOnly)
        {
            notes = notes.Where(n => n.TaskId != null);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim().ToLower();
            notes = notes.Where(n => n.Body.ToLower().Contains(text));
        }

        return await notes.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>How many notes each task of an execution has, for the counts beside tasks.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByTaskAsync(string entityId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notes.AsNoTracking()
            .Where(n => n.EntityId == entityId && n.TaskId != null && n.DeletedAt == null)
            .GroupBy(n => n.ExecutionId + "/" + n.TaskId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    public async Task<Outcome<Note>> AddAsync(NoteTarget target, string body, string? parentId, Actor author, string? link, CancellationToken cancellationToken)
    {
        var problem = CheckBody(body);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Note? parent = null;
        if (parentId is not null)
        {
            parent = await db.Notes.AsNoTracking().SingleOrDefaultAsync(n => n.Id == parentId && n.DeletedAt == null, cancellationToken);
            if (parent is null)
            {
                return Refusal.NotFound(RefusalText.Of("ReplyToDeleted"));
            }

            if (parent.ParentId is not null)
            {
                return Refusal.Invalid(RefusalText.Of("ReplyOneLevel"));
            }

            if (parent.Target != target)
            {
                return Refusal.Invalid(RefusalText.Of("ReplyElsewhere"));
            }
        }

        var note = new Note
        {
            Id = Guid.NewGuid().ToString(),
            EntityId = target.EntityId,
            ExecutionId = target.ExecutionId,
            TaskId = target.TaskId,
            ParentId = parentId,
            AuthorId = author.Id,
            AuthorName = author.Name,
            Body = body.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken);

        var mentioned = await MentionedAsync(note.Body, cancellationToken);
        if (mentioned.Count > 0)
        {
            var threadId = parentId ?? note.Id;
            var thread = await db.Notes.AsNoTracking()
                .Where(n => (n.Id == threadId || n.ParentId == threadId) && n.DeletedAt == null)
                .Select(n => n.AuthorId)
                .ToListAsync(cancellationToken);
            var recipients = mentioned.Select(p => p.Id).Concat(thread).Where(id => id != author.Id).Distinct();
            var excerpt = note.Body.Length > 200 ? note.Body[..200] + "…" : note.Body;
            await notifications.NotifyAsync(recipients, "mention", () => new(Languages.Text<CoreText>("MentionedYou", author.Name), excerpt), link, cancellationToken);
        }

        Changed?.Invoke(target.EntityId);
        return note;
    }

    public async Task<Outcome<Note>> EditAsync(string noteId, string body, Actor editor, CancellationToken cancellationToken)
    {
        var problem = CheckBody(body);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.DeletedAt == null, cancellationToken);
        if (note is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoteDeleted"));
        }

        if (note.AuthorId != editor.Id)
        {
            return Refusal.Forbidden(RefusalText.Of("NoteEditAuthorOnly", note.AuthorName));
        }

        note.Body = body.Trim();
        note.EditedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke(note.EntityId);
        return note;
    }

    public async Task<Outcome<bool>> DeleteAsync(string noteId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.DeletedAt == null, cancellationToken);
        if (note is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoteDeletedAlready"));
        }

        if (note.AuthorId != actor.Id)
        {
            return Refusal.Forbidden(RefusalText.Of("NoteDeleteAuthorOnly", note.AuthorName));
        }

        var now = clock.GetUtcNow();
        note.DeletedAt = now;
        foreach (var reply in await db.Notes.Where(n => n.ParentId == noteId && n.DeletedAt == null).ToListAsync(cancellationToken))
        {
            reply.DeletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke(note.EntityId);
        return true;
    }

    public async Task<Outcome<Note>> SetPinnedAsync(string noteId, bool pinned, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var note = await db.Notes.SingleOrDefaultAsync(n => n.Id == noteId && n.DeletedAt == null, cancellationToken);
        if (note is null)
        {
            return Refusal.NotFound(RefusalText.Of("NoteDeleted"));
        }

        if (CheckPin(note) is { } refusal)
        {
            return refusal;
        }

        note.Pinned = pinned;
        await db.SaveChangesAsync(cancellationToken);
        Changed?.Invoke(note.EntityId);
        return note;
    }

    /// <summary>The users whose display name follows an '@' in the text, e.g. "@Lena Schmidt".</summary>
    public async Task<IReadOnlyList<Person>> MentionedAsync(string body, CancellationToken cancellationToken)
    {
        if (!body.Contains('@', StringComparison.Ordinal))
        {
            return [];
        }

        var people = await directory.ListPeopleAsync(cancellationToken);
        return [.. people.Where(p => body.Contains("@" + p.Name, StringComparison.CurrentCultureIgnoreCase))];
    }

    /// <summary>Why the note cannot be pinned, or null: only the first note of a thread can.</summary>
    public static Refusal? CheckPin(Note note) =>
        note.ParentId is not null ? Refusal.Invalid(RefusalText.Of("PinFirstNoteOnly")) : null;

    private static Refusal? CheckBody(string body) =>
        string.IsNullOrWhiteSpace(body) ? Refusal.Invalid(RefusalText.Of("NoteEmpty"))
        : body.Length > MaxLength ? Refusal.Invalid(RefusalText.Of("NoteTooLong", MaxLength))
        : null;
}
