using Microsoft.EntityFrameworkCore;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Reminders;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.Data.Automations;

/// <summary>Due-date reminders and overdue escalation on the job system.</summary>
public sealed class AutomationReminderTests : IAsyncLifetime
{
    private AutomationHarness h = default!;

    public async Task InitializeAsync() => h = await AutomationHarness.StartAsync();

    public async Task DisposeAsync() => await h.DisposeAsync();

    [Fact]
    public async Task Assignees_are_reminded_before_the_due_date_and_the_starter_is_told_when_it_is_overdue_each_once()
    {
        string lena, mehmet;
        await using (var db = h.Db())
        {
            lena = await db.Users.Where(u => u.Email == "caseworker@workflows.demo").Select(u => u.Id).SingleAsync();
            mehmet = await db.Users.Where(u => u.Email == "caseworker2@workflows.demo").Select(u => u.Id).SingleAsync();
            db.Notifications.RemoveRange(db.Notifications);
            await db.SaveChangesAsync();
        }

        var template = await h.SaveTemplateAsync(ATemplate("Callback").WithTask("call", "Call back").AssignedTo(Assignee.Of(mehmet))
            .With(t => { t.Id = null; t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" }; }).Build());
        var started = await h.Executions.StartAsync(template.Id!, [new EntityRef { EntityId = "contact-004" }], new(lena, "Lena Schmidt"), CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        var due = h.Clock.GetUtcNow().AddHours(12);
        await h.Executions.ApplyAsync(started.Value.Id, new SetDueDate(FlowItemRef.Task("call"), FlowDueDate.At(due)), AutomationHarness.Lena, null, CancellationToken.None);

        var sweep = h.Services.GetRequiredService<ReminderSweep>();
        await sweep.OnWorkerStartAsync(CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.RunJobsAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.RunJobsAsync();

        var notes = await NotificationsAsync();
        var soon = Assert.Single(notes);
        Assert.Equal((mehmet, "due-soon", "Due soon: Call back"), (soon.UserId, soon.Kind, soon.Title));

        h.Clock.Advance(TimeSpan.FromHours(13));
        await h.RunJobsAsync();
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.RunJobsAsync();

        notes = await NotificationsAsync();
        var overdue = notes.Where(n => n.Kind == "overdue").OrderBy(n => n.UserId).ToList();
        Assert.Equal(new[] { lena, mehmet }.Order(), overdue.Select(n => n.UserId));
        Assert.All(overdue, n => Assert.Equal("Overdue: Call back", n.Title));
        Assert.Equal(3, notes.Count);
    }

    [Fact]
    public async Task Each_recipient_is_reminded_in_their_language_the_tenants_for_those_who_chose_none()
    {
        await h.DisposeAsync();
        h = await AutomationHarness.StartAsync(
            services => services.AddSingleton(new Workflows.Core.Flows.FlowSettings { Language = "de" }),
            new Dictionary<string, string?> { ["Email:SendReminders"] = "true" });
        string lena, mehmet;
        await using (var db = h.Db())
        {
            lena = await db.Users.Where(u => u.Email == "caseworker@workflows.demo").Select(u => u.Id).SingleAsync();
            var chosen = await db.Users.SingleAsync(u => u.Email == "caseworker2@workflows.demo");
            chosen.Language = "en";
            mehmet = chosen.Id;
            db.Notifications.RemoveRange(db.Notifications);
            await db.SaveChangesAsync();
        }

        var template = await h.SaveTemplateAsync(ATemplate("Callback").WithTask("call", "Call back").AssignedTo(Assignee.Of(mehmet))
            .With(t => { t.Id = null; t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "contact" }; }).Build());
        var started = await h.Executions.StartAsync(template.Id!, [new EntityRef { EntityId = "contact-004" }], new(lena, "Lena Schmidt"), CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        await h.Executions.ApplyAsync(started.Value.Id, new SetDueDate(FlowItemRef.Task("call"), FlowDueDate.OnDate(new DateOnly(2026, 11, 26))), AutomationHarness.Lena, null, CancellationToken.None);

        await h.Services.GetRequiredService<ReminderSweep>().OnWorkerStartAsync(CancellationToken.None);
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.RunJobsAsync();

        var overdue = (await NotificationsAsync()).Where(n => n.Kind == "overdue").ToDictionary(n => n.UserId);
        Assert.Equal(("Überfällig: Call back", "„Call back“ in „Callback“ war am 26.11.2026 fällig und ist nicht erledigt."), (overdue[lena].Title, overdue[lena].Body));
        Assert.Equal(("Overdue: Call back", "\"Call back\" in \"Callback\" was due 11/26/2026 and is not finished."), (overdue[mehmet].Title, overdue[mehmet].Body));
        var mails = (await Task.WhenAll(h.Mails().Select(f => MimeKit.MimeMessage.LoadAsync(f)))).Where(m => m.Subject?.EndsWith(": Call back", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["Overdue: Call back", "Überfällig: Call back"], mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.Contains("Öffnen: /entities/contact/contact-004", mails.Single(m => m.Subject?.StartsWith('Ü') == true).TextBody ?? "", StringComparison.Ordinal);
    }

    private async Task<List<Workflows.Core.Notifications.Notification>> NotificationsAsync()
    {
        await using var db = h.Db();
        return await db.Notifications.AsNoTracking().Where(n => n.Title.EndsWith("Call back")).ToListAsync();
    }
}
