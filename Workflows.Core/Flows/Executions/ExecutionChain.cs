using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Executions;

/// <summary>Which execution and task started this one through an automation, and how deep that chain is.</summary>
public sealed record ExecutionChain
{
    public string? ParentExecutionId { get; init; }

    public string? ParentTaskId { get; init; }

    public int Depth { get; init; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; init; }
}
