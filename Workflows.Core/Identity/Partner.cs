namespace Workflows.Core.Identity;

/// <summary>An external organisation (installer, metering service, …) whose users work tasks assigned to it.</summary>
public sealed class Partner
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}
