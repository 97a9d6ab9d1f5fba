using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Workflows.Tests.Infrastructure;

/// <summary>
/// The real app on its own temp database (SQLite, or PostgreSQL when the run says so: <see cref="TempDatabase"/>),
/// seeded with the demo data. With <see cref="StartOnSocket"/> it listens
/// on a real Kestrel socket at 127.0.0.1 on a free port, for the browser tests.
/// </summary>
public class WorkflowsAppFactory : WebApplicationFactory<Program>
{
    private readonly TempDatabase database = new();

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Seed:Demo"] = "true",
        // The tests read the demo content as written in English.
        ["Seed:Language"] = "en",
    };

    public TempDatabase Database => database;

    /// <summary>Services a test adds to the app (a job handler of its own), applied after the app's.</summary>
    public List<Action<IServiceCollection>> ExtraServices { get; } = [];

    /// <summary>Warnings with an exception and errors the app logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Where the app writes outgoing e-mail as .eml files (no SMTP host in tests); deleted with the database.</summary>
    public string MailFolder => database.FilePath + "-mail";

    /// <summary>Starts Kestrel on a free loopback port and returns its address.</summary>
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
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program registers its services, so the app
        // never opens the developer's database file.
        foreach (var (key, value) in database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Email:PickupDirectory", MailFolder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => ExtraServices.ForEach(add => add(services)));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }
}
