namespace Workflows.Core.Jobs;

/// <summary>What became of a failed attempt: failed for good, or retried at <see cref="NextAttempt"/>.</summary>
public sealed record FailureOutcome(bool Final, DateTimeOffset? NextAttempt);
