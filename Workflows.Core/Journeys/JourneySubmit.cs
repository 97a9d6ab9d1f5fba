using System.Text.Json.Nodes;

namespace Workflows.Core.Journeys;

/// <summary>
/// A journey's answers for a record, optionally from a task of a workflow. <see cref="ExpectedRecordVersion"/> is the
/// version of the record the answers were prefilled from.
/// </summary>
public sealed record JourneySubmit(string JourneyId, string EntityId, JsonObject Values, int? ExpectedRecordVersion)
{
    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }
}
