namespace Workflows.Core.Journeys;

/// <summary>A row of the journey list.</summary>
public sealed record JourneySummary(
    string Id, string Name, string Schema, int StepCount, int FieldCount, DateTimeOffset UpdatedAt, string? UpdatedBy, int SubmissionCount);
