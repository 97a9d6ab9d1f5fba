namespace Workflows.Core.Flows.Storage;

/// <summary>The latest version of a template: its document plus the columns lists and pickers filter on.</summary>
public sealed class TemplateRow
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Optimistic concurrency: a save based on an older revision is refused.</summary>
    public int Revision { get; set; }

    /// <summary>The schema whose records may start this template by hand (its manual trigger), if any.</summary>
    public string? ManualSchema { get; set; }

    public bool AutomationTriggered { get; set; }

    public int TaskCount { get; set; }

    /// <summary>The template's labels (<see cref="Templates.FlowTemplate.Taxonomies"/>), so lists and filters need not parse documents.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>The <see cref="FlowTemplate"/> as JSON (FlowJson).</summary>
    public required string Document { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
