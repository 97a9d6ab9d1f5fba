namespace Workflows.Core.Entities;

/// <summary>The "type" of a business record: its slug, names and typed attributes.</summary>
public sealed class EntitySchema
{
    public required string Slug { get; init; }

    public required string Name { get; set; }

    public required string Plural { get; set; }

    public string? Icon { get; set; }

    /// <summary>Handlebars-like template of a record's title, such as <c>{{first_name}} {{last_name}}</c>.</summary>
    public required string TitleTemplate { get; set; }

    public List<EntityAttribute> Attributes { get; set; } = [];

    public int Version { get; set; } = 1;

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
