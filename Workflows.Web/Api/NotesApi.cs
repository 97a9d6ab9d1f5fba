using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Core;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Identity;
using Workflows.Core.Notes;
using Workflows.Web.Hosting;

namespace Workflows.Web.Api;

/// <summary>
/// Notes on records, workflows and tasks, with replies, pinning, editing, deleting and search; routes and operationIds
/// after epilot's notes API (<c>/v1/note</c>), fields ours. Every call passes <see cref="VisibleNotes"/>, the rule the
/// notes dialog follows too: a partner reaches only the notes of tasks assigned to them or their organisation.
/// </summary>
public static class NotesApi
{
    /// <summary>The most notes one search page holds.</summary>
    public const int MaxPageSize = 100;

    public static RouteGroupBuilder MapNotesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1").WithTags("Notes").RequireAuthorization(AuthorizationPolicies.SeeWork);
        group.MapPost("/note", CreateAsync).Accepts<NoteBody>("application/json").Requests(RequestSchemas.Note).Produces<NoteJson>(StatusCodes.Status201Created).Idempotent()
            .Documented("createNote", "Write a note on a record, a workflow or a task, or a reply to one (parent_id)", StatusCodes.Status404NotFound);
        group.MapGet("/note/{noteId}", GetAsync).Produces<NoteJson>()
            .Documented("getNote", "Read a note, with its replies when it starts a thread");
        group.MapPatch("/note/{noteId}", PatchAsync).Accepts<NotePatch>("application/json").Requests(RequestSchemas.NotePatch).Produces<NoteJson>()
            .Documented("patchNote", "Change your own note's content, or pin or unpin a thread");
        group.MapDelete("/note/{noteId}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .Documented("deleteNote", "Delete your own note and its replies");
        group.MapPost("/notes:search", SearchAsync).Accepts<NoteQuery>("application/json").Produces<NoteResults>()
            .Documented("searchNotes", "Search notes by where they hang and the words they hold, newest first", StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<JsonHttpResult<NoteJson>, ApiProblem>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, VisibleNotes notes, EntityService records, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<NoteBody>(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        var (asked, scope) = (body.Value, TaskAccess.AssigneeScope(user));
        var target = await TargetAsync(asked, scope, notes, ct);
        if (!target.Succeeded)
        {
            return ApiResults.Problem(target.Refusal);
        }

        var found = await records.GetManyAsync([target.Value.EntityId], ct);
        var record = found.Count > 0 ? found[0] : null;
        var link = record is null ? null : RecordLink(record.Schema, record.Id, target.Value.TaskId);
        var added = await notes.AddAsync(target.Value, asked.Content ?? "", asked.ParentId, user.ToActor(), link, scope, ct);
        return added.Succeeded
            ? TypedResults.Json(NoteJson.From(added.Value, null), FlowJson.Options, statusCode: StatusCodes.Status201Created)
            : ApiResults.Problem(added.Refusal);
    }

    // A reply may name only its parent: it hangs where the parent does.
    private static async Task<Outcome<NoteTarget>> TargetAsync(NoteBody asked, IReadOnlyList<string>? scope, VisibleNotes notes, CancellationToken ct)
    {
        if (asked is { ParentId: { } parentId, EntityId: null, ExecutionId: null, TaskId: null })
        {
            var parent = await notes.GetAsync(parentId, scope, ct);
            return parent.Succeeded ? parent.Value.Note.Target : parent.Refusal;
        }

        return await notes.ReachAsync(asked.EntityId, asked.ExecutionId, asked.TaskId, scope, ct);
    }

    /// <summary>The record page, opened on the task when the note is on one: where a mention's notification leads.</summary>
    private static string RecordLink(string schema, string entityId, string? taskId) =>
        $"/entities/{Uri.EscapeDataString(schema)}/{Uri.EscapeDataString(entityId)}" + (taskId is null ? "" : "?task=" + Uri.EscapeDataString(taskId));

    private static async Task<Results<JsonHttpResult<NoteJson>, ApiProblem>> GetAsync(
        string noteId, ClaimsPrincipal user, VisibleNotes notes, CancellationToken ct)
    {
        var found = await notes.GetAsync(noteId, TaskAccess.AssigneeScope(user), ct);
        return found.Succeeded
            ? TypedResults.Json(NoteJson.From(found.Value.Note, found.Value.Replies), FlowJson.Options)
            : ApiResults.Problem(found.Refusal);
    }

    private static async Task<Results<JsonHttpResult<NoteJson>, ApiProblem>> PatchAsync(
        string noteId, HttpRequest request, ClaimsPrincipal user, VisibleNotes notes, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<NotePatch>(request, ct);
        if (!body.Succeeded)
        {
            return ApiResults.Problem(body.Refusal);
        }

        if (body.Value is { Content: null, Pinned: null })
        {
            return ApiResults.BadRequest("Send the note's new 'content', 'pinned' (true or false), or both.");
        }

        var scope = TaskAccess.AssigneeScope(user);
        var found = await notes.GetAsync(noteId, scope, ct);
        // A pin that would be refused is refused before the content is saved, so the request changes nothing.
        var refused = found.Succeeded ? body.Value.Pinned is null ? null : NoteService.CheckPin(found.Value.Note) : found.Refusal;
        if (refused is not null)
        {
            return ApiResults.Problem(refused);
        }

        Outcome<Note>? changed = null;
        if (body.Value.Content is { } content)
        {
            changed = await notes.EditAsync(noteId, content, user.ToActor(), scope, ct);
        }

        if (body.Value.Pinned is { } pinned && changed is null or { Succeeded: true })
        {
            changed = await notes.SetPinnedAsync(noteId, pinned, scope, ct);
        }

        return changed!.Succeeded
            ? TypedResults.Json(NoteJson.From(changed.Value, null), FlowJson.Options)
            : ApiResults.Problem(changed.Refusal);
    }

    private static async Task<Results<NoContent, ApiProblem>> DeleteAsync(
        string noteId, ClaimsPrincipal user, VisibleNotes notes, CancellationToken ct)
    {
        var deleted = await notes.DeleteAsync(noteId, user.ToActor(), TaskAccess.AssigneeScope(user), ct);
        return deleted.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(deleted.Refusal);
    }

    private static async Task<Results<JsonHttpResult<NoteResults>, ApiProblem>> SearchAsync(
        HttpRequest request, ClaimsPrincipal user, VisibleNotes notes, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<NoteQuery>(request, ct);
        var refused = body.Succeeded ? Check(body.Value) : body.Refusal;
        if (refused is not null)
        {
            return ApiResults.Problem(refused);
        }

        var query = body.Value!;
        var found = await notes.SearchAsync(new NoteSearch(query.EntityId, query.ExecutionId, query.TaskId, query.Q), TaskAccess.AssigneeScope(user), ct);
        return found.Succeeded
            ? TypedResults.Json(
                new NoteResults(found.Value.Count, [.. found.Value.Skip(query.From ?? 0).Take(query.Size ?? 25).Select(n => NoteJson.From(n, null))]),
                FlowJson.Options)
            : ApiResults.Problem(found.Refusal);
    }

    private static Refusal? Check(NoteQuery query) =>
        query.From is < 0 ? Refusal.Invalid("'from' counts notes to skip: 0 or more.")
        : query.Size is < 0 or > MaxPageSize ? Refusal.Invalid($"'size' is how many notes a page holds: 0 (only the count) to {MaxPageSize}.")
        : null;

    public sealed record NoteBody(string? EntityId, string? ExecutionId, string? TaskId, string? ParentId, string? Content);

    public sealed record NotePatch(string? Content, bool? Pinned);

    /// <summary>A search: where (each optional), <c>q</c> words the note holds, <c>from</c>/<c>size</c> a page (size 0: only <c>hits</c>).</summary>
    public sealed record NoteQuery(string? EntityId, string? ExecutionId, string? TaskId, string? Q, int? From, int? Size);

    /// <summary><c>hits</c>: how many notes match (at most <see cref="VisibleNotes.SearchLimit"/>); <c>results</c>: the page.</summary>
    public sealed record NoteResults(int Hits, IReadOnlyList<NoteJson> Results);

    public sealed record NoteAuthor(string Id, string Name);

    public sealed record NoteJson(
        string Id, string EntityId, string? ExecutionId, string? TaskId, string? ParentId, string Content, bool Pinned,
        NoteAuthor CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<NoteJson>? Replies)
    {
        public static NoteJson From(Note note, IReadOnlyList<Note>? replies) => new(
            note.Id, note.EntityId, note.ExecutionId, note.TaskId, note.ParentId, note.Body, note.Pinned,
            new NoteAuthor(note.AuthorId, note.AuthorName), note.CreatedAt, note.EditedAt,
            replies is null ? null : [.. replies.Select(r => From(r, null))]);
    }
}
