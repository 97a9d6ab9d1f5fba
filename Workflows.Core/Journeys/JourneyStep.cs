namespace Workflows.Core.Journeys;

/// <summary>One page of a journey: a title, an optional introduction and its fields, validated together.</summary>
public sealed class JourneyStep
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N")[..8];

    public required string Title { get; set; }

    public string? Description { get; set; }

    public List<JourneyField> Fields { get; set; } = [];
}
