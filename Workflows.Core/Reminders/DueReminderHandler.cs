using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Email;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows;
using Workflows.Core.Jobs;
using Workflows.Core.Localization;
using Workflows.Core.Notifications;

namespace Workflows.Core.Reminders;

/// <summary>
/// Sends one reminder (job kind <c>due-reminder</c>): "due soon" to the task's assignees, "overdue" to them and, as
/// the escalation, to the workflow's assignees and the person who started it. In-app always; by e-mail too when
/// <see cref="EmailOptions.SendReminders"/> is on. A task finished or re-dated since is left alone.
/// </summary>
internal sealed class DueReminderHandler(
    IDbContextFactory<WorkflowsDbContext> dbFactory,
    FlowExecutionService executions,
    NotificationService notifications,
    EmailSender email,
    EmailOptions emailOptions,
    FlowSettings settings) : IJobHandler
{
    public const string JobKind = "due-reminder";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        var reminder = JobJson.Deserialize<ReminderPayload>(context.Job.Payload);
        var execution = await executions.GetAsync(reminder.ExecutionId, cancellationToken);
        var task = execution?.FindTask(reminder.TaskId);
        if (execution is null || task is null || task.IsFinished || execution.Status != WorkflowStatus.STARTED
            || !SameDueDate(task.DueDate?.End(settings.TimeZone), reminder.DueAt))
        {
            return;
        }

        var ids = task.AssigneeIds().ToList();
        if (reminder.Kind == ReminderKind.Overdue)
        {
            ids.AddRange(execution.AssignedTo?.SelectMany(a => a.Ids()) ?? []);
            if (execution.Analytics.StartedBy is { } starter)
            {
                ids.Add(starter);
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wanted = ids.Distinct().ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id) || (u.PartnerId != null && wanted.Contains(u.PartnerId)))
            .Select(u => new { u.Id, u.Email, u.Language })
            .ToListAsync(cancellationToken);
        if (users.Count == 0)
        {
            return;
        }

        var record = execution.PrimaryContext;
        var link = record is null ? null : $"/entities/{record.EntitySchema}/{record.EntityId}";
        // Written in each recipient's language, the due date as they read dates.
        NotificationText Render()
        {
            var due = DateText.Due(task.DueDate!, settings.TimeZone);
            return reminder.Kind == ReminderKind.Overdue
                ? new(Languages.Text<CoreText>("OverdueTitle", task.Name), Languages.Text<CoreText>("OverdueBody", task.Name, execution.Name, due))
                : new(Languages.Text<CoreText>("DueSoonTitle", task.Name), Languages.Text<CoreText>("DueSoonBody", task.Name, execution.Name, due));
        }

        await notifications.NotifyAsync(users.Select(u => u.Id), reminder.Kind == ReminderKind.Overdue ? "overdue" : "due-soon", Render, link, cancellationToken);
        if (emailOptions.SendReminders)
        {
            foreach (var group in users.Where(u => u.Email is not null).GroupBy(u => settings.LanguageOf(u.Language)))
            {
                var message = Languages.In(group.Key, () =>
                {
                    var (title, body) = Render();
                    return new EmailMessage([.. group.Select(u => u.Email!)], title, body + (link is null ? "" : "\n\n" + Languages.Text<CoreText>("OpenLink", link)));
                });
                await email.SendAsync(message, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The reminder's due date came from the task row, which stores instants as Unix milliseconds on every provider,
    /// while the document keeps every tick of a computed due date: the same stored millisecond is the same due date.
    /// </summary>
    private static bool SameDueDate(DateTimeOffset? current, DateTimeOffset remembered) =>
        current?.ToUnixTimeMilliseconds() == remembered.ToUnixTimeMilliseconds();
}
