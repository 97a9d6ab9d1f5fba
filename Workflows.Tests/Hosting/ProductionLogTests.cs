using System.Text.Json;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Hosting;

/// <summary>In Production the console log is one JSON object per line, for a log collector to parse.</summary>
public sealed class ProductionLogTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("workflows-production-").FullName;

    [Fact]
    public async Task Production_writes_the_console_log_as_JSON_lines()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DataProtection:CertificatePath"] = TestCertificate.Create(folder),
            ["DataProtection:CertificatePassword"] = TestCertificate.Password,
            ["Jobs:RunWorker"] = "false",
        };
        await using var app = await AppProcess.StartAsync(database, settings, Path.Combine(folder, "home"));

        var listening = Assert.Single(app.Lines, line => line.Contains("Now listening on", StringComparison.Ordinal));
        using var entry = JsonDocument.Parse(listening);
        Assert.Equal("Information", entry.RootElement.GetProperty("LogLevel").GetString());
        Assert.Equal("Microsoft.Hosting.Lifetime", entry.RootElement.GetProperty("Category").GetString());
        Assert.StartsWith($"Now listening on: {app.Address.ToString().TrimEnd('/')}", entry.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
