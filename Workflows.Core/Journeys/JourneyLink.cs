namespace Workflows.Core.Journeys;

/// <summary>
/// A shared link to one journey on one record (and task). Its id is the nonce inside the signed token; the row
/// records when it expires and when it was used, so a link works exactly once.
/// </summary>
public sealed class JourneyLink
{
    public required string Id { get; init; }

    public required string JourneyId { get; init; }

    public required string EntityId { get; init; }

    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set in the transaction of the submission; a concurrency token, so two submissions cannot both use it.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    public string? SubmissionId { get; set; }
}
