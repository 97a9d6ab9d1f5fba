using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Templates;

/// <summary>Shift applied to a date attribute before comparing (e.g. +18 years for an age check).</summary>
public sealed record DateOffset
{
    public int Amount { get; init; }

    /// <summary><c>days</c>, <c>months</c> or <c>years</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
