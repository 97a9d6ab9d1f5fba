namespace Workflows.Core.Demo.Bulk;

/// <summary>How much data <see cref="BulkSeeder"/> creates. Every workflow has ten tasks.</summary>
public sealed record BulkSeedOptions
{
    public const int TasksPerWorkflow = 10;

    public int Tasks { get; init; } = 1_000_000;

    public int Users { get; init; } = 1_000;

    public int Partners { get; init; } = 10;

    public int Templates { get; init; } = 20;

    /// <summary>The same seed gives the same data.</summary>
    public int RandomSeed { get; init; } = 20_261_126;

    public int Workflows => Math.Max(1, Tasks / TasksPerWorkflow);
}
