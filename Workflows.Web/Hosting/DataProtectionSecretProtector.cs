using Microsoft.AspNetCore.DataProtection;
using Workflows.Core.Automations.Webhooks;

namespace Workflows.Web.Hosting;

/// <summary>Encrypts webhook signing keys with ASP.NET Data Protection, under a purpose of their own.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    public const string Purpose = "Workflows.WebhookSecrets.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
