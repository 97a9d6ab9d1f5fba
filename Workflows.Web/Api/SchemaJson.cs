using Workflows.Core.Entities;

namespace Workflows.Web.Api;

/// <summary>An entity schema as epilot's API shows it.</summary>
public sealed record SchemaJson
{
    public string? Slug { get; init; }

    public required string Name { get; init; }

    public string? Plural { get; init; }

    public string? Icon { get; init; }

    public string? TitleTemplate { get; init; }

    public int? Version { get; init; }

    public IReadOnlyList<EntityAttribute> Attributes { get; init; } = [];

    public static SchemaJson From(EntitySchema schema) => new()
    {
        Slug = schema.Slug,
        Name = schema.Name,
        Plural = schema.Plural,
        Icon = schema.Icon,
        TitleTemplate = schema.TitleTemplate,
        Version = schema.Version,
        Attributes = schema.Attributes,
    };

    public EntitySchema ToSchema(string slug) => new()
    {
        Slug = slug,
        Name = Name ?? "",
        Plural = Plural ?? "",
        Icon = Icon,
        TitleTemplate = string.IsNullOrWhiteSpace(TitleTemplate) ? (Attributes.Count > 0 ? $"{{{{{Attributes[0].Name}}}}}" : "") : TitleTemplate,
        Attributes = [.. Attributes],
    };
}
