using Microsoft.AspNetCore.Identity;
using Workflows.Core;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Core.Notes;
using Workflows.Core.Notifications;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data;

public sealed class NoteServiceTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();
    private readonly NoteTarget target = new("contact-001", "execution-1", "task-1");
    private ServiceProvider services = default!;
    private Actor lena = default!;
    private Actor mehmet = default!;
    private Actor thomas = default!;

    private NoteService Notes => services.GetRequiredService<NoteService>();

    private NotificationService Notifications => services.GetRequiredService<NotificationService>();

    public async Task InitializeAsync()
    {
        services = CoreServices.Build(database);
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        async Task<Actor> ActorOf(string email)
        {
            var user = (await users.FindByEmailAsync(email))!;
            return new Actor(user.Id, user.DisplayName);
        }

        lena = await ActorOf("caseworker@workflows.demo");
        mehmet = await ActorOf("caseworker2@workflows.demo");
        thomas = await ActorOf("manager@workflows.demo");
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_note_with_replies_lists_as_one_thread_with_pinned_threads_first()
    {
        var first = (await Notes.AddAsync(target, "Customer called about the **roof**.", null, lena, null, CancellationToken.None)).Value!;
        await Notes.AddAsync(target, "I'll check the photos.", first.Id, mehmet, null, CancellationToken.None);
        var second = (await Notes.AddAsync(target, "Offer sent.", null, lena, null, CancellationToken.None)).Value!;
        await Notes.SetPinnedAsync(first.Id, true, CancellationToken.None);

        var threads = await Notes.ListAsync(target, CancellationToken.None);

        Assert.Equal([first.Id, second.Id], threads.Select(t => t.Note.Id));
        Assert.Equal("I'll check the photos.", Assert.Single(threads[0].Replies).Body);
    }

    [Fact]
    public async Task Replies_are_one_level_deep()
    {
        var first = (await Notes.AddAsync(target, "Question", null, lena, null, CancellationToken.None)).Value!;
        var reply = (await Notes.AddAsync(target, "Answer", first.Id, mehmet, null, CancellationToken.None)).Value!;

        var refused = await Notes.AddAsync(target, "Reply to the answer", reply.Id, lena, null, CancellationToken.None);

        Assert.Equal(RefusalKind.Invalid, refused.Refusal!.Kind);
        Assert.Contains("one level deep", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_author_edits_or_deletes_a_note()
    {
        var note = (await Notes.AddAsync(target, "Mine", null, lena, null, CancellationToken.None)).Value!;

        var edit = await Notes.EditAsync(note.Id, "Changed by someone else", mehmet, CancellationToken.None);
        var delete = await Notes.DeleteAsync(note.Id, mehmet, CancellationToken.None);

        Assert.Equal(RefusalKind.Forbidden, edit.Refusal!.Kind);
        Assert.Equal("Only Lena Schmidt can edit this note.", edit.Error);
        Assert.Equal(RefusalKind.Forbidden, delete.Refusal!.Kind);
        Assert.True((await Notes.EditAsync(note.Id, "Mine, edited", lena, CancellationToken.None)).Succeeded);
        Assert.True((await Notes.DeleteAsync(note.Id, lena, CancellationToken.None)).Succeeded);
        Assert.Empty(await Notes.ListAsync(target, CancellationToken.None));
    }

    [Fact]
    public async Task An_empty_note_is_refused()
    {
        var refused = await Notes.AddAsync(target, "   ", null, lena, null, CancellationToken.None);

        Assert.Equal("Write something before saving the note.", refused.Error);
    }

    [Fact]
    public async Task A_refusal_reads_in_the_language_of_the_person_who_asked()
    {
        var german = await Languages.In(Languages.German, () => Notes.AddAsync(target, "   ", null, lena, null, CancellationToken.None));
        var note = (await Notes.AddAsync(target, "Mine", null, lena, null, CancellationToken.None)).Value!;
        var othersEdit = await Languages.In(Languages.German, () => Notes.EditAsync(note.Id, "Changed", mehmet, CancellationToken.None));
        var english = await Languages.In(Languages.English, () => Notes.AddAsync(target, "   ", null, lena, null, CancellationToken.None));

        Assert.Equal("Schreiben Sie etwas, bevor Sie die Notiz speichern.", german.Error);
        Assert.Equal("Nur Lena Schmidt kann diese Notiz bearbeiten.", othersEdit.Error);
        Assert.Equal("Write something before saving the note.", english.Error);
    }

    [Fact]
    public async Task A_mention_notifies_the_mentioned_user_and_everyone_else_in_the_thread()
    {
        var first = (await Notes.AddAsync(target, "Can someone look at this?", null, thomas, null, CancellationToken.None)).Value!;

        await Notes.AddAsync(target, "@Mehmet Yılmaz please take over.", first.Id, lena, "/entities/contact/contact-001", CancellationToken.None);

        Assert.Equal(1, await Notifications.UnreadCountAsync(mehmet.Id, CancellationToken.None));
        Assert.Equal(1, await Notifications.UnreadCountAsync(thomas.Id, CancellationToken.None));
        Assert.Equal(0, await Notifications.UnreadCountAsync(lena.Id, CancellationToken.None));
        var notification = Assert.Single(await Notifications.LatestAsync(mehmet.Id, 10, CancellationToken.None));
        Assert.Equal("Lena Schmidt mentioned you", notification.Title);
        Assert.Equal("/entities/contact/contact-001", notification.Link);
    }
}
