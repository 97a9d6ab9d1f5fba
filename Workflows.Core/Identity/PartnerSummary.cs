namespace Workflows.Core.Identity;

/// <summary>A partner organisation as the administration lists it, with how many users belong to it.</summary>
public sealed record PartnerSummary(string Id, string Name, string? Email, int UserCount);
