namespace Workflows.Core.Journeys;

/// <summary>What opening a shared link finds.</summary>
public enum JourneyLinkState
{
    Valid,
    Used,
    Expired,
    Invalid,
}
