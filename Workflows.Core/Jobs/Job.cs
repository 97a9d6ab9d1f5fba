namespace Workflows.Core.Jobs;

/// <summary>
/// One piece of background work in the durable job table. A worker owns it while <see cref="LeaseOwner"/> is set and
/// <see cref="LeaseUntil"/> lies ahead; after that any worker may claim it again (the owner crashed).
/// </summary>
public sealed class Job
{
    public required string Id { get; init; }

    /// <summary>Which <see cref="IJobHandler"/> runs it.</summary>
    public required string Kind { get; init; }

    /// <summary>The handler's input, as JSON.</summary>
    public string Payload { get; init; } = "{}";

    public JobStatus Status { get; set; } = JobStatus.Queued;

    /// <summary>The earliest time the job may run: its schedule, or its next attempt after a failure.</summary>
    public DateTimeOffset RunAt { get; set; }

    /// <summary>How often a worker claimed it so far.</summary>
    public int Attempts { get; set; }

    public int MaxAttempts { get; set; } = 5;

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    /// <summary>Unique when set: enqueuing a second job with the same key is a no-op (a re-delivered event).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>What the job is about, so pages can show it beside the workflow, task or record.</summary>
    public string? ExecutionId { get; init; }

    public string? TaskId { get; init; }

    public string? EntityId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; set; }
}
