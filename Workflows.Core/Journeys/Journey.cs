using System.Text.Json;
using Workflows.Core.Data;

namespace Workflows.Core.Journeys;

/// <summary>A form in steps whose fields are bound to the attributes of one entity schema.</summary>
public sealed class Journey
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The slug of the schema whose records the journey fills in.</summary>
    public required string Schema { get; set; }

    public List<JourneyStep> Steps { get; set; } = [];

    /// <summary>Optimistic concurrency: a save based on an older version is refused.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public IEnumerable<JourneyField> Fields => Steps.SelectMany(s => s.Fields);

    /// <summary>A deep copy, for an editor that may be discarded.</summary>
    public Journey Clone() => new()
    {
        Id = Id,
        Name = Name,
        Description = Description,
        Schema = Schema,
        Steps = JsonSerializer.Deserialize<List<JourneyStep>>(JsonSerializer.Serialize(Steps, JsonColumn.Options), JsonColumn.Options) ?? [],
        Version = Version,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        UpdatedBy = UpdatedBy,
    };
}
