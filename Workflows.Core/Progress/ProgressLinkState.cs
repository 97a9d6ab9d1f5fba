namespace Workflows.Core.Progress;

/// <summary>What opening a progress link finds.</summary>
public enum ProgressLinkState
{
    Valid,
    Expired,
    Invalid,

    /// <summary>Staff withdrew the workflow's links after this one was issued.</summary>
    Revoked,
}
