using Microsoft.EntityFrameworkCore;
using Workflows.Core.Data;
using Workflows.Core.Flows;
using Workflows.Core.Localization;

namespace Workflows.Core.Notifications;

/// <summary>Creates, lists and marks notifications; tells open pages of the user when a new one arrives.</summary>
public sealed class NotificationService(IDbContextFactory<WorkflowsDbContext> dbFactory, TimeProvider clock, FlowSettings settings)
{
    /// <summary>Raised after notifications were stored, with the ids of the users who got one.</summary>
    public event Action<IReadOnlyCollection<string>>? Arrived;

    /// <summary>Raises <see cref="Arrived"/> for notifications another instance stored.</summary>
    public void Announce(IReadOnlyCollection<string> recipients) => Arrived?.Invoke(recipients);

    /// <summary>
    /// Notifies each of <paramref name="userIds"/> in their own language: <paramref name="render"/> runs once per
    /// language among them, inside it (<see cref="Languages.In{T}"/>), and writes the title and body.
    /// </summary>
    public async Task NotifyAsync(IEnumerable<string> userIds, string kind, Func<NotificationText> render, string? link, CancellationToken cancellationToken)
    {
        var recipients = userIds.Distinct().ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = await db.Users.AsNoTracking()
            .Where(u => recipients.Contains(u.Id) && u.Language != null)
            .Select(u => new { u.Id, u.Language })
            .ToDictionaryAsync(u => u.Id, u => u.Language, cancellationToken);
        var languages = recipients.ToDictionary(id => id, id => settings.LanguageOf(chosen.GetValueOrDefault(id)));
        var texts = languages.Values.Distinct().ToDictionary(language => language, language => Languages.In(language, render));
        var now = clock.GetUtcNow();
        db.Notifications.AddRange(recipients.Select(userId => new Notification
        {
            Id = Guid.NewGuid().ToString(),
            UserId = userId,
            Kind = kind,
            Title = texts[languages[userId]].Title,
            Body = texts[languages[userId]].Body,
            Link = link,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        Arrived?.Invoke(recipients);
    }

    public async Task<IReadOnlyList<Notification>> LatestAsync(string userId, int count, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    public async Task MarkReadAsync(string userId, string? notificationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var unread = db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null);
        if (notificationId is not null)
        {
            unread = unread.Where(n => n.Id == notificationId);
        }

        foreach (var notification in await unread.ToListAsync(cancellationToken))
        {
            notification.ReadAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
