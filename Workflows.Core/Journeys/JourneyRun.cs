using System.Text.Json.Nodes;
using Workflows.Core.Entities;

namespace Workflows.Core.Journeys;

/// <summary>
/// Everything a runner needs to show a journey for a record: the definition, the schema, the record's current values
/// of the journey's fields and its version (so a submission based on an older state is refused).
/// </summary>
public sealed record JourneyRun(Journey Journey, EntitySchema Schema, string EntityId, string RecordTitle, JsonObject Values, int RecordVersion)
{
    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }

    public string? TaskName { get; init; }

    /// <summary>Whether submitting completes the task (its journey's <c>complete_task_automatically</c>).</summary>
    public bool CompletesTask { get; init; }
}
