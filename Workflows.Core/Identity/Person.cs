namespace Workflows.Core.Identity;

/// <summary>A user as others see them: to pick as an assignee, to show beside a change.</summary>
public sealed record Person(string Id, string Name, string Email, string? PartnerId, bool Absent = false);
