namespace Workflows.Core.Identity;

/// <summary>One page of users, and how many match the search in all.</summary>
public sealed record UserList(IReadOnlyList<UserSummary> Users, int TotalCount);
