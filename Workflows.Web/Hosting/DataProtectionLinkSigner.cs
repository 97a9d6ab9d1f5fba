using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Workflows.Core.Journeys;
using Workflows.Core.Progress;

namespace Workflows.Web.Hosting;

/// <summary>
/// Signs (and encrypts) shared links with ASP.NET Data Protection, whose keys rotate on their own: journey links, and
/// under a purpose of their own (so neither kind of token opens the other's page) customer progress links.
/// </summary>
public sealed class DataProtectionLinkSigner(IDataProtectionProvider provider, string purpose = DataProtectionLinkSigner.JourneyPurpose)
    : IJourneyLinkSigner, IProgressLinkSigner
{
    public const string JourneyPurpose = "Workflows.JourneyLinks.v1";

    public const string ProgressPurpose = "Workflows.ProgressLinks.v1";

    private readonly IDataProtector protector = provider.CreateProtector(purpose);

    public string Sign(string payload) => protector.Protect(payload);

    public string? Verify(string token)
    {
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
