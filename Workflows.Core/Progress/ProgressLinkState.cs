namespace Workflows.Core.Progress;

/// <summary>What opening a progress link finds.</summary>
public enum ProgressLinkState
{
    Valid,
    Expired,
    Invalid,
}
