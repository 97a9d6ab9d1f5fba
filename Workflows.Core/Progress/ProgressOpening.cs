namespace Workflows.Core.Progress;

/// <summary>The result of opening a progress link: what the customer may see when it is valid, else why not.</summary>
public sealed record ProgressOpening(ProgressLinkState State, CustomerProgress? Progress = null, string? ExecutionId = null)
{
    public static ProgressOpening Invalid { get; } = new(ProgressLinkState.Invalid);
}
