namespace Workflows.Core.Progress;

/// <summary>
/// Signs the payload of a customer progress link so it cannot be forged or altered. The host provides it (ASP.NET Data
/// Protection in the web app, under a purpose of its own so a journey link's token never opens a progress page).
/// </summary>
public interface IProgressLinkSigner
{
    string Sign(string payload);

    /// <summary>The payload of a token this signer made, or null when the token is forged, altered or unreadable.</summary>
    string? Verify(string token);
}
