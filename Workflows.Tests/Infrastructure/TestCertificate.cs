using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Workflows.Tests.Infrastructure;

/// <summary>Throw-away self-signed certificates: a PFX for <c>DataProtection:CertificatePath</c> (Production requires one), PEM files for nginx.</summary>
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

    /// <summary>Writes <c>fullchain.pem</c> and <c>privkey.pem</c> (certificate and key) into <paramref name="folder"/>.</summary>
    public static void WritePem(string folder, string subject = "CN=127.0.0.1")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "fullchain.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "privkey.pem"), key.ExportPkcs8PrivateKeyPem());
    }
}
