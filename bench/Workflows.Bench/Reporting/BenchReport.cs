using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workflows.Bench.Reporting;

/// <summary>The results of one run: printed as a Markdown table and written as <c>bench/results/latest.json</c>.</summary>
public sealed class BenchReport(string mode, string provider)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public List<BenchMetric> Metrics { get; } = [];

    public void AddRange(IEnumerable<BenchMetric> metrics) => Metrics.AddRange(metrics);

    public static Dictionary<string, string> Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return new Dictionary<string, string>
        {
            ["os"] = RuntimeInformation.OSDescription,
            ["cpu"] = cpu ?? RuntimeInformation.ProcessArchitecture.ToString(),
            ["cores"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            ["memory"] = memory ?? "unknown",
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["sqlite"] = SqliteVersion(),
        };
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | metric | ours | peer / goal | ratio | unit | note |");
        text.AppendLine("|---|---|---:|---:|---:|---|---|");
        foreach (var m in Metrics)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.Metric} | {Format(m.Ours)} | {(m.Peer is { } p ? Format(p) : "")} | {(m.Ratio is { } r ? r.ToString("0.##", CultureInfo.InvariantCulture) : "")} | {m.Unit} | {m.Note} |");
        }

        return text.ToString();
    }

    public async Task WriteJsonAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var document = new
        {
            Machine = Machine(),
            Mode = mode,
            Provider = provider,
            Date = DateTimeOffset.UtcNow,
            Scenarios = Metrics.Select(m => new { m.Name, m.Metric, m.Ours, m.Peer, m.Ratio, m.Unit, m.Note }),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json), cancellationToken);
    }

    private static string SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection();
        return connection.ServerVersion;
    }

    private static string Format(double value) =>
        value >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
