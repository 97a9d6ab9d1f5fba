using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Bench.Api;

/// <summary>
/// The real app (its <c>Program</c>, middleware, auth, rate limits) on a SQLite file of its own, in Production mode
/// with the demo data, listening on a real Kestrel socket at 127.0.0.1.
/// </summary>
public sealed class BenchApp(string folder) : WebApplicationFactory<Program>
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
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
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
