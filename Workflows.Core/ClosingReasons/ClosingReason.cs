namespace Workflows.Core.ClosingReasons;

/// <summary>One entry of the closing-reason catalogue; each template picks a subset.</summary>
public sealed class ClosingReason
{
    public required string Id { get; init; }

    public required string Title { get; set; }

    public ClosingReasonStatus Status { get; set; } = ClosingReasonStatus.ACTIVE;

    public DateTimeOffset CreationTime { get; init; }

    public DateTimeOffset LastUpdateTime { get; set; }
}
