using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// What the end customer sees of a template, phase or task (the spec's <c>ECPDetails</c>, epilot's "Display progress in
/// Portal"): shown on the customer's progress page when <see cref="Enabled"/>, under <see cref="Label"/> instead of the
/// internal name when one is set.
/// </summary>
public sealed record EcpDetails
{
    public bool? Enabled { get; init; }

    public string? Label { get; init; }

    public string? Description { get; init; }

    /// <summary>Properties this version does not model (the spec's <c>journey</c>), kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }

    [JsonIgnore]
    public bool IsVisible => Enabled == true;

    /// <summary>The name the customer reads: the label when one is set, else <paramref name="name"/>.</summary>
    public string CustomerName(string name) => string.IsNullOrWhiteSpace(Label) ? name : Label.Trim();
}
