namespace Workflows.Core.Journeys;

/// <summary>A new shared link: the signed token for the URL and when it stops working.</summary>
public sealed record JourneyLinkCreated(string Token, DateTimeOffset ExpiresAt);
