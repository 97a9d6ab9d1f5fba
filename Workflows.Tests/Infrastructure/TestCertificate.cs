using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Workflows.Tests.Infrastructure;

/// <summary>A self-signed PFX for <c>DataProtection:CertificatePath</c>, which Production requires.</summary>
public static class TestCertificate
{
    public const string Password = "test-pfx-password";

    /// <summary>Writes <c>keys.pfx</c> into <paramref name="folder"/> and returns its path.</summary>
    public static string Create(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Workflows key protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
