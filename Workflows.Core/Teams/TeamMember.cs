namespace Workflows.Core.Teams;

/// <summary>One user in one team.</summary>
public sealed class TeamMember
{
    public required string TeamId { get; init; }

    public required string UserId { get; init; }
}
