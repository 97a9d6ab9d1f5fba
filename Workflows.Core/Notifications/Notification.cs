namespace Workflows.Core.Notifications;

/// <summary>Something a user should see: a mention, a task due soon or overdue. Shown under the bell until read.</summary>
public sealed class Notification
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required string Kind { get; init; }

    public required string Title { get; init; }

    public string? Body { get; init; }

    /// <summary>The page that shows what the notification is about.</summary>
    public string? Link { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>What a notification says, in one language.</summary>
public sealed record NotificationText(string Title, string? Body);
