using Workflows.Core.Localization;

namespace Workflows.Core.Progress;

/// <summary>The result of opening a progress link: what the customer may see when it is valid, else why not.</summary>
public sealed record ProgressOpening(ProgressLinkState State, CustomerProgress? Progress = null, string? ExecutionId = null)
{
    public static ProgressOpening Invalid { get; } = new(ProgressLinkState.Invalid);

    /// <summary>Why the link shows nothing, for the API; null when it is valid.</summary>
    public Refusal? Refusal => State switch
    {
        ProgressLinkState.Valid => null,
        ProgressLinkState.Expired => Core.Refusal.Gone(RefusalText.Of("ProgressLinkExpired")),
        ProgressLinkState.Revoked => Core.Refusal.Gone(RefusalText.Of("ProgressLinkWithdrawn")),
        _ => Core.Refusal.NotFound(RefusalText.Of("NoProgressPage")),
    };
}
