using Workflows.Bench;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Bench;

/// <summary>
/// Keeps the benchmark compiling and working: every scenario runs with tiny sizes and reports numbers. No timing is
/// asserted; the figures of a tiny run mean nothing.
/// </summary>
public sealed class BenchScenarioTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "workflows-tests", $"bench-{Guid.NewGuid():N}");

    [Theory]
    [InlineData("engine")]
    [InlineData("dashboard")]
    [InlineData("api")]
    [InlineData("builder")]
    [InlineData("ui")]
    public async Task A_tiny_run_of_each_scenario_reports_numbers(string scenario)
    {
        var report = await BenchProgram.RunAsync(BenchSettings.Tiny(folder), [scenario], TextWriter.Null, CancellationToken.None);

        var metrics = report.Metrics.Where(m => m.Name == scenario).ToList();
        Assert.NotEmpty(metrics);
        Assert.All(metrics, m => Assert.True(double.IsFinite(m.Ours), $"{m.Metric} is {m.Ours}"));
        Assert.Contains("| " + scenario + " |", report.ToMarkdown(), StringComparison.Ordinal);
        if (scenario == "api")
        {
            Assert.Equal(0, metrics.Single(m => m.Metric == "errors").Ours);
        }
    }

    [PostgresFact]
    public async Task The_engine_dashboard_and_builder_scenarios_run_on_PostgreSQL_and_drop_their_databases()
    {
        var settings = BenchSettings.Tiny(folder) with { Provider = "Postgres", PostgresServer = TempDatabase.PostgresServer };

        var report = await BenchProgram.RunAsync(settings, BenchProgram.ProviderScenarios, TextWriter.Null, CancellationToken.None);

        foreach (var scenario in BenchProgram.ProviderScenarios)
        {
            Assert.Contains(report.Metrics, m => m.Name == scenario);
        }

        Assert.All(report.Metrics, m => Assert.True(double.IsFinite(m.Ours), $"{m.Metric} is {m.Ours}"));
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(TempDatabase.PostgresServer) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'wf_bench_%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void Postgres_without_a_connection_string_is_refused_with_the_way_to_give_one()
    {
        var (command, error) = BenchProgram.Parse(["--provider", "postgres"], postgresFromEnvironment: null, folder);

        Assert.Null(command);
        Assert.Contains("--postgres", error, StringComparison.Ordinal);
        Assert.Contains(BenchProgram.PostgresVariable, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_runs_the_provider_scenarios_by_default_and_refuses_the_web_app_ones()
    {
        var (command, _) = BenchProgram.Parse(["--provider", "postgres"], "Host=127.0.0.1", folder);
        var (_, refused) = BenchProgram.Parse(["--provider", "postgres", "--postgres", "Host=127.0.0.1", "--only", "engine,ui"], null, folder);
        var (sqlite, _) = BenchProgram.Parse([], "Host=127.0.0.1", folder);

        Assert.Equal("Postgres", command!.Settings.Provider);
        Assert.Equal("Host=127.0.0.1", command.Settings.PostgresServer);
        Assert.Equal(BenchProgram.ProviderScenarios, command.Scenarios);
        Assert.Contains("ui", refused, StringComparison.Ordinal);
        Assert.Equal("Sqlite", sqlite!.Settings.Provider);
        Assert.Equal(BenchProgram.AllScenarios, sqlite.Scenarios);
    }

    [Fact]
    public async Task The_report_is_written_as_json_with_machine_and_scenarios()
    {
        var report = await BenchProgram.RunAsync(BenchSettings.Tiny(folder), ["builder"], TextWriter.Null, CancellationToken.None);
        var file = Path.Combine(folder, "latest.json");

        await report.WriteJsonAsync(file, CancellationToken.None);

        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.True(json.RootElement.GetProperty("machine").GetProperty("cores").GetString() is { Length: > 0 });
        var first = json.RootElement.GetProperty("scenarios")[0];
        foreach (var field in new[] { "name", "metric", "ours", "unit" })
        {
            Assert.True(first.TryGetProperty(field, out _), $"missing {field}");
        }
    }

    public void Dispose()
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open is left for the OS temp cleaner.
        }
    }
}
