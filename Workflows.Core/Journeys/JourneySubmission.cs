using System.Text.Json.Nodes;

namespace Workflows.Core.Journeys;

/// <summary>A submitted journey: who, when, on which record and task, and the values written.</summary>
public sealed class JourneySubmission
{
    public required string Id { get; init; }

    public required string JourneyId { get; init; }

    public required string JourneyName { get; init; }

    public required string EntityId { get; init; }

    public required string EntitySchema { get; init; }

    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }

    public JsonObject Values { get; init; } = [];

    public required string SubmittedById { get; init; }

    public required string SubmittedByName { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The shared link it came through, when an external person filled it in.</summary>
    public string? LinkId { get; init; }

    public bool TaskCompleted { get; init; }
}
