namespace Workflows.Core.Progress;

/// <summary>
/// When a workflow's progress links were last withdrawn: every link issued for it up to that instant stops working,
/// links issued later work. One row per workflow that ever had its links withdrawn.
/// </summary>
public sealed class ProgressLinkRevocation
{
    public required string ExecutionId { get; init; }

    public DateTimeOffset RevokedAt { get; set; }
}
