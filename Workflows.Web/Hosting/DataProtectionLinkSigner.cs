using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Workflows.Core.Journeys;

namespace Workflows.Web.Hosting;

/// <summary>Signs (and encrypts) shared journey links with ASP.NET Data Protection, whose keys rotate on their own.</summary>
public sealed class DataProtectionLinkSigner(IDataProtectionProvider provider) : IJourneyLinkSigner
{
    private readonly IDataProtector protector = provider.CreateProtector("Workflows.JourneyLinks.v1");

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
