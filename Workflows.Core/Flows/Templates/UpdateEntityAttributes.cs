using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>Writes the workflow status, current phase or current task into a record attribute.</summary>
public sealed record UpdateEntityAttributes
{
    public UpdateEntityAttributesSource Source { get; init; }

    public required EntityAttributeTarget Target { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
