using System.Text.Json.Serialization;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Entities;

/// <summary>One typed attribute of an entity schema.</summary>
public sealed record EntityAttribute
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("label")]
    public required string Label { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("required")]
    public bool Required { get; init; }

    [JsonPropertyName("multiline")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Multiline { get; init; }

    /// <summary>
    /// No two records of the schema hold the same value here (compared ignoring case and surrounding spaces), so an
    /// upsert can find its record by it. Only text, e-mail, phone and number attributes can be unique.
    /// </summary>
    [JsonPropertyName("unique")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Unique { get; init; }

    /// <summary>Allowed values of a select or multiselect attribute, each with the words shown for it.</summary>
    [JsonPropertyName("options")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AttributeOption>? Options { get; init; }

    /// <summary>The schema a relation attribute points at.</summary>
    [JsonPropertyName("allowedSchemas")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AllowedSchemas { get; init; }

    /// <summary>
    /// The dashboard and the task search may filter tasks by this attribute of their record ("amount &gt; 10000"): its
    /// values are kept in an index (<see cref="FilterableValues"/>). Not for relations, users or multi-line text.
    /// </summary>
    [JsonPropertyName("filterable")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Filterable { get; init; }

    /// <summary>Whether a record may hold this value: one of the options, or anything when the attribute lists none.</summary>
    public bool Offers(string? value) => value is not null && (Options is null || Options.Any(option => option.Value == value));

    /// <summary>The words shown for a stored option value: its option's title, or the value itself ("" for none).</summary>
    public string OptionText(string? value) => value is null ? "" : Options?.FirstOrDefault(option => option.Value == value)?.Text ?? value;
}
