using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Workflows.Core.Automations.Webhooks;
using Workflows.Core.Data;

namespace Workflows.Web.Hosting;

/// <summary>
/// Data Protection (cookies, antiforgery, journey links, webhook signing keys) with its keys in the database, so every
/// instance on it shares them, encrypted there with the certificate <c>DataProtection:CertificatePath</c> (a PFX,
/// password <c>DataProtection:CertificatePassword</c>). Production does not start without that certificate; elsewhere
/// the keys are stored unencrypted, with one warning at start.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "Workflows";

    public const string CertificatePathKey = "DataProtection:CertificatePath";

    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddWorkflowsDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WorkflowsDbContext>();
        if (configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(path, configuration[CertificatePasswordKey]));
        }
        else if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"Set {CertificatePathKey} (and {CertificatePasswordKey}) to a PFX certificate with a private key: in Production the " +
                "Data Protection keys, which open sign-in cookies and webhook secrets, are stored in the database only encrypted with it.");
        }
        else
        {
            services.AddHostedService<UnprotectedKeysWarning>();
        }

        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificatePathKey} names \"{path}\", which does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate {CertificatePathKey} names has no private key, so the keys it encrypts could not be read again.");
    }

    /// <summary>Says once, at start, that the keys are stored in clear (outside Production only).</summary>
    private sealed class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning(
                "Data Protection keys are stored in the database unencrypted: set {Setting} to a certificate to protect them (required in Production).",
                CertificatePathKey);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
