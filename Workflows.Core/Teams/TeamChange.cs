namespace Workflows.Core.Teams;

/// <summary>What an administrator sets on a team: its name, whether it hands out round-robin, and its members.</summary>
public sealed record TeamChange(string Name, bool RoundRobin, IReadOnlyList<string> MemberIds);
