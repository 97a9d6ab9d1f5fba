namespace Workflows.Core.Jobs;

/// <summary>A job to enqueue; <see cref="RunAt"/> defaults to now.</summary>
public sealed record NewJob(string Kind, string Payload)
{
    public DateTimeOffset? RunAt { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }

    public string? EntityId { get; init; }

    public int MaxAttempts { get; init; } = 5;

    /// <summary>The id the job will have; set it when another row must point at the job.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString();
}
