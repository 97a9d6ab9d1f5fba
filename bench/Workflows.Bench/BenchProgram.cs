using Workflows.Bench.Engine;
using Workflows.Bench.Reporting;

namespace Workflows.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Workflows.Bench [-- --quick] [--only engine,dashboard,api,builder,ui]</c>:
/// runs the scenarios, prints a Markdown table and writes <c>bench/results/latest.json</c>.
/// </summary>
public static class BenchProgram
{
    public static readonly string[] AllScenarios = ["engine", "dashboard", "api", "builder", "ui"];

    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? AllScenarios;
        var output = Option(args, "--out") ?? Path.Combine(RepositoryRoot(), "bench", "results", "latest.json");
        var workFolder = Path.Combine(Path.GetTempPath(), "workflows-bench");
        var settings = quick ? BenchSettings.Quick(workFolder) : BenchSettings.Full(workFolder);
        if (Option(args, "--engine-workers") is { } workers)
        {
            settings = settings with { EngineWorkers = int.Parse(workers, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Option(args, "--dashboard-tasks") is { } tasks)
        {
            settings = settings with { DashboardTasks = int.Parse(tasks, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Option(args, "--dashboard-repeats") is { } repeats)
        {
            settings = settings with { DashboardRepeats = int.Parse(repeats, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Option(args, "--keep") is not null || args.Contains("--keep"))
        {
            settings = settings with { KeepDatabases = true };
        }

        if (Option(args, "--engine-workflows") is { } workflows)
        {
            settings = settings with { EngineWorkflows = int.Parse(workflows, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (args.Contains("--no-peer"))
        {
            settings = settings with { EnginePeer = false };
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var report = await RunAsync(settings, only, Console.Out, cancel.Token);
        Console.WriteLine();
        Console.WriteLine(report.ToMarkdown());
        await report.WriteJsonAsync(output, cancel.Token);
        Console.WriteLine($"Written {output}");
        return 0;
    }

    public static async Task<BenchReport> RunAsync(BenchSettings settings, IReadOnlyCollection<string> scenarios, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.WorkFolder);
        var report = new BenchReport(settings.Mode);
        foreach (var name in AllScenarios.Where(scenarios.Contains))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await log.WriteLineAsync($"[{DateTime.Now:HH:mm:ss}] {name} ({settings.Mode})…");
            var metrics = name switch
            {
                "engine" => await EngineScenario.RunAsync(settings, cancellationToken),
                "dashboard" => await Dashboard.DashboardScenario.RunAsync(settings, log, cancellationToken),
                "api" => await Api.ApiScenario.RunAsync(settings, log, cancellationToken),
                "builder" => await Builder.BuilderScenario.RunAsync(settings, cancellationToken),
                "ui" => await Ui.UiScenario.RunAsync(settings, log, cancellationToken),
                _ => throw new ArgumentException($"Unknown scenario '{name}'."),
            };
            report.AddRange(metrics);
            await log.WriteLineAsync($"[{DateTime.Now:HH:mm:ss}] {name} done in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        return report;
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Workflows.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? Directory.GetCurrentDirectory();
    }
}
