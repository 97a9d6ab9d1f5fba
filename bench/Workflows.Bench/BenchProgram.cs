using Workflows.Bench.Engine;
using Workflows.Bench.Reporting;

namespace Workflows.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Workflows.Bench [-- --quick] [--only engine,dashboard,api,builder,ui]
/// [--provider sqlite|postgres]</c>: runs the scenarios, prints a Markdown table and writes
/// <c>bench/results/latest.json</c> (<c>latest-postgres.json</c> on PostgreSQL).
/// </summary>
public static class BenchProgram
{
    public static readonly string[] AllScenarios = ["engine", "dashboard", "api", "builder", "ui"];

    /// <summary>The scenarios that run on the provider chosen; api and ui start the web app on its SQLite file.</summary>
    public static readonly string[] ProviderScenarios = ["engine", "dashboard", "builder"];

    /// <summary>The environment variable <c>--postgres</c> falls back to.</summary>
    public const string PostgresVariable = "WORKFLOWS_BENCH_POSTGRES";

    public const string Help = """
        Workflows.Bench: dotnet run -c Release --project bench/Workflows.Bench -- [options]
          --quick                       every scenario with small sizes
          --only a,b                    scenarios: engine, dashboard, api, builder, ui (default: all)
          --provider sqlite|postgres    the database of the engine, dashboard and builder scenarios (default sqlite);
                                        postgres runs those three (the default then), each on a fresh database it
                                        creates and drops, and writes bench/results/latest-postgres.json
          --postgres "<conn string>"    the PostgreSQL server (no database), else $WORKFLOWS_BENCH_POSTGRES
          --keep                        leave the SQLite files / PostgreSQL databases for EXPLAIN
          --engine-workflows N  --engine-workers N  --no-peer
          --dashboard-tasks N   --dashboard-repeats N
          --out FILE                    the JSON report (default bench/results/latest[-postgres].json)
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Help);
            return 0;
        }

        var parsed = Parse(args, Environment.GetEnvironmentVariable(PostgresVariable), Path.Combine(Path.GetTempPath(), "workflows-bench"));
        if (parsed.Error is { } error)
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }

        var (settings, only, outName) = parsed.Command!;
        var output = outName ?? Path.Combine(RepositoryRoot(), "bench", "results", settings.OnPostgres ? "latest-postgres.json" : "latest.json");
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

    /// <summary>What a command line asks for, or the one reason it cannot run.</summary>
    public sealed record Command(BenchSettings Settings, IReadOnlyCollection<string> Scenarios, string? Output);

    public static (Command? Command, string? Error) Parse(string[] args, string? postgresFromEnvironment, string workFolder)
    {
        var quick = args.Contains("--quick");
        var settings = quick ? BenchSettings.Quick(workFolder) : BenchSettings.Full(workFolder);
        var provider = Option(args, "--provider")?.ToLowerInvariant() ?? "sqlite";
        if (provider is "postgres" or "postgresql")
        {
            var server = Option(args, "--postgres") ?? postgresFromEnvironment;
            if (string.IsNullOrWhiteSpace(server))
            {
                return (null, $"--provider postgres needs a PostgreSQL server: pass --postgres \"Host=…;Port=…;Username=…;Password=…\" or set {PostgresVariable}.");
            }

            settings = settings with { Provider = "Postgres", PostgresServer = server };
        }
        else if (provider != "sqlite")
        {
            return (null, $"--provider '{provider}' is not supported; use sqlite or postgres.");
        }

        var only = Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            ?? (settings.OnPostgres ? ProviderScenarios : AllScenarios);
        if (only.FirstOrDefault(s => !AllScenarios.Contains(s)) is { } unknown)
        {
            return (null, $"Unknown scenario '{unknown}'; the scenarios are {string.Join(", ", AllScenarios)}.");
        }

        if (settings.OnPostgres && only.FirstOrDefault(s => !ProviderScenarios.Contains(s)) is { } sqliteOnly)
        {
            return (null, $"The {sqliteOnly} scenario runs the web app on SQLite only; with --provider postgres choose among {string.Join(", ", ProviderScenarios)}.");
        }

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

        if (args.Contains("--keep"))
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

        return (new Command(settings, only, Option(args, "--out")), null);
    }

    public static async Task<BenchReport> RunAsync(BenchSettings settings, IReadOnlyCollection<string> scenarios, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(settings.WorkFolder);
        var report = new BenchReport(settings.Mode, settings.Provider);
        foreach (var name in AllScenarios.Where(scenarios.Contains))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await log.WriteLineAsync($"[{DateTime.Now:HH:mm:ss}] {name} ({settings.Mode}, {settings.Provider})…");
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
