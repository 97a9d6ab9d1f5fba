using System.Text.Json.Nodes;

namespace Workflows.Core.Entities;

/// <summary>A business record of a schema; its attribute values are a JSON object keyed by attribute name.</summary>
public sealed class EntityRecord
{
    public required string Id { get; init; }

    public required string Schema { get; init; }

    public required string Title { get; set; }

    public JsonObject Attributes { get; set; } = [];

    /// <summary>Lower-cased title and text values, so search matches "müller" in "Müller" on every provider.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Optimistic concurrency: incremented on every write; a write based on an older one is refused.</summary>
    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? CreatedBy { get; init; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
