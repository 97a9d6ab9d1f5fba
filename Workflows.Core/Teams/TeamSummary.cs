namespace Workflows.Core.Teams;

/// <summary>A team as pickers, the admin page and the API show it.</summary>
public sealed record TeamSummary(string Id, string Name, bool RoundRobin, IReadOnlyList<string> MemberIds, string? LastAssignee);
