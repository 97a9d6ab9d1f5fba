namespace Workflows.Core.Journeys;

/// <summary>The result of opening a shared link: the run when it is valid, else a message that says why not.</summary>
public sealed record JourneyLinkOpening(JourneyLinkState State, string Message, JourneyRun? Run = null);
