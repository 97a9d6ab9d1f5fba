namespace Workflows.Core.Demo.Bulk;

/// <summary>What <see cref="BulkSeeder"/> created, with ids a benchmark or a demo can pick from.</summary>
public sealed record BulkSeedResult(
    IReadOnlyList<string> UserIds,
    IReadOnlyList<string> PartnerIds,
    IReadOnlyList<string> PartnerUserIds,
    IReadOnlyList<string> TemplateIds,
    int Workflows,
    int Tasks,
    TimeSpan Elapsed);
