using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Workflows.Core.Identity;
using Workflows.Core.Localization;
using Workflows.Tests.Infrastructure;
using Workflows.Web.Hosting;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>
/// Notes over the API (<c>/v1/note</c>, <c>/v1/notes:search</c>): write, reply, read, pin, edit, delete and search,
/// under the rules of the notes dialog: one's own notes only to edit or delete, a partner only on their own tasks.
/// </summary>
public sealed class NotesApiTests(NotesApiTests.App app) : IClassFixture<NotesApiTests.App>, IAsyncLifetime
{
    private HttpClient caseWorker = default!;
    private HttpClient manager = default!;
    private HttpClient solar = default!;
    private HttpClient meter = default!;
    private string executionId = "";

    private static readonly string[] SolarTasks = ["docs", "install"];

    public sealed class App : WorkflowsAppFactory;

    public async Task InitializeAsync()
    {
        caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        manager = await ApiClients.ForAsync(app, "manager@workflows.demo");
        solar = await ApiClients.ForAsync(app, "partner@solartech.demo");
        meter = await ApiClients.ForAsync(app, "partner@messdienst.demo");
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        var templateId = (string)(await CreateTemplateAsync(builder, SolarTemplate("Notes job")))["id"]!;
        executionId = (string)(await StartAsync(caseWorker, templateId, "opportunity-006"))["id"]!;
    }

    public Task DisposeAsync()
    {
        foreach (var client in new[] { caseWorker, manager, solar, meter })
        {
            client.Dispose();
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_note_on_a_task_is_written_replied_to_read_pinned_edited_searched_and_deleted()
    {
        var note = await CreatedAsync(caseWorker, new JsonObject { ["execution_id"] = executionId, ["task_id"] = "offer", ["content"] = "Price agreed with **Mr Brandt** (Zeppelin)" });
        var id = (string)note["id"]!;
        Assert.Equal("opportunity-006", (string)note["entity_id"]!);
        Assert.Equal("Lena Schmidt", (string)note["created_by"]!["name"]!);

        var reply = await CreatedAsync(manager, new JsonObject { ["parent_id"] = id, ["content"] = "Thanks, go ahead with Zeppelin" });
        Assert.Equal("offer", (string)reply["task_id"]!);

        using (var pin = await PatchAsync(manager, $"/v1/note/{id}", new JsonObject { ["pinned"] = true }))
        {
            Assert.Equal(HttpStatusCode.OK, pin.StatusCode);
        }

        using (var othersNote = await PatchAsync(manager, $"/v1/note/{id}", new JsonObject { ["content"] = "Rewritten" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, othersNote.StatusCode);
            Assert.Equal("Only Lena Schmidt can edit this note.", await MessageOf(othersNote));
        }

        using (var edit = await PatchAsync(caseWorker, $"/v1/note/{id}", new JsonObject { ["content"] = "Price agreed with Mr Brandt: 24,100 € (Zeppelin)" }))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        var read = await GetAsync(caseWorker, $"/v1/note/{id}");
        Assert.Equal("Price agreed with Mr Brandt: 24,100 € (Zeppelin)", (string)read["content"]!);
        Assert.True((bool)read["pinned"]!);
        Assert.NotNull(read["updated_at"]);
        Assert.Equal("Thanks, go ahead with Zeppelin", (string)read["replies"]!.AsArray().Single()!["content"]!);

        var found = await SearchAsync(caseWorker, new JsonObject { ["execution_id"] = executionId, ["q"] = "BRANDT" });
        Assert.Equal(1, (int)found["hits"]!);
        Assert.Equal(id, (string)found["results"]!.AsArray().Single()!["id"]!);
        var counted = await SearchAsync(caseWorker, new JsonObject { ["entity_id"] = "opportunity-006", ["q"] = "zeppelin", ["size"] = 0 });
        Assert.Equal(2, (int)counted["hits"]!);
        Assert.Empty(counted["results"]!.AsArray());

        using (var deleted = await caseWorker.DeleteAsync(new Uri($"/v1/note/{id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await caseWorker.GetAsync(new Uri($"/v1/note/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(0, (int)(await SearchAsync(caseWorker, new JsonObject { ["execution_id"] = executionId, ["q"] = "zeppelin" }))["hits"]!);
    }

    [Fact]
    public async Task A_partner_reaches_the_notes_of_their_own_tasks_only()
    {
        var staffOnOffer = (string)(await CreatedAsync(caseWorker, new JsonObject { ["execution_id"] = executionId, ["task_id"] = "offer", ["content"] = "Internal: margin 12 %" }))["id"]!;
        await CreatedAsync(caseWorker, new JsonObject { ["execution_id"] = executionId, ["content"] = "Internal: customer is slow to pay" });
        var onDocs = (string)(await CreatedAsync(caseWorker, new JsonObject { ["execution_id"] = executionId, ["task_id"] = "docs", ["content"] = "Please upload the roof photos" }))["id"]!;

        var partnersReply = await CreatedAsync(solar, new JsonObject { ["parent_id"] = onDocs, ["content"] = "Uploaded today" });
        Assert.Equal("docs", (string)partnersReply["task_id"]!);
        var search = await SearchAsync(solar, new JsonObject { ["entity_id"] = "opportunity-006" });
        var reached = search["results"]!.AsArray().Select(n => (string)n!["task_id"]!).ToList();
        Assert.NotEmpty(reached);
        Assert.All(reached, task => Assert.Contains(task, SolarTasks));

        using var otherTask = await solar.GetAsync(new Uri($"/v1/note/{staffOnOffer}", UriKind.Relative));
        using var writeOnOther = await solar.PostAsJsonAsync("/v1/note", new { execution_id = executionId, task_id = "offer", content = "Hello" });
        using var onWorkflow = await solar.PostAsJsonAsync("/v1/note", new { execution_id = executionId, content = "Hello" });
        using var onRecord = await solar.PostAsJsonAsync("/v1/note", new { entity_id = "opportunity-006", content = "Hello" });
        using var otherPartner = await meter.GetAsync(new Uri($"/v1/note/{onDocs}", UriKind.Relative));
        using var otherPartnerSearch = await meter.PostAsJsonAsync("/v1/notes:search", new { execution_id = executionId });

        Assert.Equal(HttpStatusCode.NotFound, otherTask.StatusCode);
        Assert.Equal($"There is no note '{staffOnOffer}'.", await MessageOf(otherTask));
        Assert.Equal(HttpStatusCode.NotFound, writeOnOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, onWorkflow.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, onRecord.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPartner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPartnerSearch.StatusCode);
    }

    [Fact]
    public async Task Mistakes_are_refused_with_a_message_and_change_nothing()
    {
        var note = (string)(await CreatedAsync(caseWorker, new JsonObject { ["entity_id"] = "opportunity-006", ["content"] = "Record note" }))["id"]!;
        var reply = (string)(await CreatedAsync(caseWorker, new JsonObject { ["parent_id"] = note, ["content"] = "A reply" }))["id"]!;

        using var empty = await caseWorker.PostAsJsonAsync("/v1/note", new { entity_id = "opportunity-006", content = "  " });
        using var nowhere = await caseWorker.PostAsJsonAsync("/v1/note", new { content = "Where?" });
        using var taskOnly = await caseWorker.PostAsJsonAsync("/v1/note", new { task_id = "offer", content = "Which workflow?" });
        using var noRecord = await caseWorker.PostAsJsonAsync("/v1/note", new { entity_id = "opportunity-999", content = "Hello" });
        using var wrongRecord = await caseWorker.PostAsJsonAsync("/v1/note", new { entity_id = "opportunity-001", execution_id = executionId, content = "Hello" });
        using var replyToReply = await caseWorker.PostAsJsonAsync("/v1/note", new { parent_id = reply, content = "Deeper" });
        using var replyElsewhere = await caseWorker.PostAsJsonAsync("/v1/note", new { parent_id = note, execution_id = executionId, task_id = "offer", content = "Astray" });
        using var pinReply = await PatchAsync(caseWorker, $"/v1/note/{reply}", new JsonObject { ["content"] = "Changed", ["pinned"] = true });
        using var nothing = await PatchAsync(caseWorker, $"/v1/note/{reply}", new JsonObject());
        using var bigPage = await caseWorker.PostAsJsonAsync("/v1/notes:search", new { size = 101 });

        Assert.Equal("Write something before saving the note.", await MessageOf(empty));
        Assert.StartsWith("Name where the notes are", await MessageOf(nowhere), StringComparison.Ordinal);
        Assert.Contains("'execution_id' with 'task_id'", await MessageOf(taskOnly), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noRecord.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongRecord.StatusCode);
        Assert.Equal("Replies are one level deep: reply to the first note of the thread.", await MessageOf(replyToReply));
        Assert.StartsWith("A reply stays beside the note it answers", await MessageOf(replyElsewhere), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, pinReply.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bigPage.StatusCode);
        Assert.All(new[] { empty, nowhere, taskOnly, replyToReply }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));

        var thread = await GetAsync(caseWorker, $"/v1/note/{note}");
        Assert.Equal("A reply", (string)thread["replies"]!.AsArray().Single()!["content"]!);
    }

    [Fact]
    public async Task A_refusal_is_english_for_a_german_user_asking_in_german()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var mehmet = (await users.FindByEmailAsync("caseworker2@workflows.demo"))!;
            mehmet.Language = Languages.German;
            await users.UpdateAsync(mehmet);
        }

        using var german = await ApiClients.ForAsync(app, "caseworker2@workflows.demo");
        german.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");
        german.DefaultRequestHeaders.Add("Cookie", $"{LanguageSetup.CookieName}={Languages.German}");

        using var empty = await german.PostAsJsonAsync("/v1/note", new { entity_id = "opportunity-006", content = "  " });
        using var missing = await german.GetAsync(new Uri("/v1/note/note-does-not-exist", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Write something before saving the note.", await MessageOf(empty));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("There is no note 'note-does-not-exist'.", await MessageOf(missing));
    }

    [Fact]
    public async Task A_retried_create_with_one_key_writes_one_note()
    {
        var key = Guid.NewGuid().ToString();
        var body = new JsonObject { ["execution_id"] = executionId, ["task_id"] = "install", ["content"] = "Retried note " + key[..6] };
        using var first = await IdempotencyApiTests.PostAsync(caseWorker, "/v1/note", body, key);
        using var again = await IdempotencyApiTests.PostAsync(caseWorker, "/v1/note", body, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, (int)(await SearchAsync(caseWorker, new JsonObject { ["q"] = key[..6] }))["hits"]!);
    }

    private static async Task<JsonObject> CreatedAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync("/v1/note", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> SearchAsync(HttpClient client, JsonObject query)
    {
        using var response = await client.PostAsJsonAsync("/v1/notes:search", query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
