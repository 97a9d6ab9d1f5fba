using Workflows.Bench;

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
