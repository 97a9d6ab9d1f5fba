using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Core.Flows.Executions;

/// <summary>Who moved a task or phase and when (the spec's <c>AnalyticsInfo</c>).</summary>
public sealed class TaskAnalytics
{
    /// <summary>When the task first became current.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? InProgressAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? StatusUpdatedAt { get; set; }

    public string? InProgressBy { get; set; }

    public string? CompletedBy { get; set; }

    public string? SkippedBy { get; set; }

    public string? OnHoldBy { get; set; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
