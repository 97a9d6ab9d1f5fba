namespace Workflows.Core.Automations.Webhooks;

/// <summary>
/// Encrypts secrets at rest. The web host implements it with ASP.NET Data Protection (keys rotate, are shared by every
/// instance and protected themselves), so the automation services need no ASP.NET API.
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>The secret in clear; throws <see cref="System.Security.Cryptography.CryptographicException"/> when the value cannot be opened.</summary>
    string Unprotect(string protectedSecret);
}
