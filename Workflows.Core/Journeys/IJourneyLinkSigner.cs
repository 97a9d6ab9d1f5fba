namespace Workflows.Core.Journeys;

/// <summary>
/// Signs the payload of a shared journey link so it cannot be forged or altered. The host provides it (ASP.NET Data
/// Protection in the web app), keeping key management out of Core.
/// </summary>
public interface IJourneyLinkSigner
{
    string Sign(string payload);

    /// <summary>The payload of a token this signer made, or null when the token is forged, altered or unreadable.</summary>
    string? Verify(string token);
}
