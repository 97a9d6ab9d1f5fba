namespace Workflows.Core.Identity;

/// <summary>A user as the administration lists them: who, which roles, which partner organisation, locked or not.</summary>
public sealed record UserSummary
{
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    public string? PartnerId { get; init; }

    public string? PartnerName { get; init; }

    /// <summary>Until when the user cannot sign in; <c>null</c> when they can.</summary>
    public DateTimeOffset? LockedUntil { get; init; }

    public bool IsLocked => LockedUntil is not null;

    /// <summary>Locked by an administrator rather than for a while after too many wrong passwords.</summary>
    public bool IsLockedIndefinitely => LockedUntil?.Year == DateTimeOffset.MaxValue.Year;

    /// <summary>Away: round-robin teams skip them.</summary>
    public bool Absent { get; init; }
}
