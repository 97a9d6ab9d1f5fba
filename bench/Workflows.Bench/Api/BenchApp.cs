using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Bench.Api;

/// <summary>
/// The real app (its <c>Program</c>, middleware, auth, rate limits) on a SQLite file of its own, in Production mode
/// with the demo data and a throwaway key-protection certificate, listening on a real Kestrel socket at 127.0.0.1.
/// With <paramref name="forBrowser"/> it also serves the static web assets (MudBlazor's, Blazor's script) from the
/// build output, as a published app serves them from wwwroot.
/// </summary>
public sealed class BenchApp(string folder, bool forBrowser = false) : WebApplicationFactory<Program>
{
    public string DatabaseFile => Path.Combine(folder, "api.db");

    public Uri StartOnSocket()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server reports no addresses.");
        return new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={DatabaseFile}");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Seed:Language", "en");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (forBrowser)
        {
            builder.UseStaticWebAssets();
        }

        // Production stores its Data Protection keys only encrypted with a certificate: a throwaway one per run.
        builder.UseSetting("DataProtection:CertificatePath", KeyProtectionCertificate());
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
    }

    private const string CertificatePassword = "bench";

    private string KeyProtectionCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Workflows bench key protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(folder, "key-protection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
