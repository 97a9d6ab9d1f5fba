namespace Workflows.Bench;

/// <summary>Sizes of one run: the full run the goals speak of, <c>--quick</c>, or the tiny one the tests use.</summary>
public sealed record BenchSettings
{
    public required string Mode { get; init; }

    public required string WorkFolder { get; init; }

    /// <summary>Leave the SQLite files in the work folder (or the PostgreSQL databases) after the run, to inspect query plans.</summary>
    public bool KeepDatabases { get; init; }

    /// <summary>
    /// The provider the engine, dashboard and builder scenarios run on, as <c>Database:Provider</c> takes it: "Sqlite"
    /// (a file in the work folder) or "Postgres" (a fresh database on <see cref="PostgresServer"/>, dropped after).
    /// </summary>
    public string Provider { get; init; } = "Sqlite";

    /// <summary>A PostgreSQL server's connection string (without a database), for <see cref="Provider"/> "Postgres".</summary>
    public string? PostgresServer { get; init; }

    public bool OnPostgres => Provider == "Postgres";

    public int EngineWorkflows { get; init; } = 2_000;

    public int EngineWorkers { get; init; } = 4;

    /// <summary>Whether the engine scenario also runs WorkflowCore (off with <c>--no-peer</c>, for profiling ours alone).</summary>
    public bool EnginePeer { get; init; } = true;

    public int DashboardTasks { get; init; } = 1_000_000;

    public int DashboardUsers { get; init; } = 1_000;

    /// <summary>Timed runs of each dashboard query shape.</summary>
    public int DashboardRepeats { get; init; } = 200;

    public int ApiClients { get; init; } = 32;

    public TimeSpan ApiDuration { get; init; } = TimeSpan.FromSeconds(30);

    public int BuilderTasks { get; init; } = 200;

    public int BuilderRepeats { get; init; } = 20;

    /// <summary>Timed rounds of every sidebar and dashboard action in the browser.</summary>
    public int UiRounds { get; init; } = 20;

    /// <summary>Untimed rounds first, so the first timed click does not pay for the first JIT of its code path.</summary>
    public int UiWarmupRounds { get; init; } = 1;

    /// <summary>Timed sign-ins of each of the case worker and the manager, each in a fresh browser context.</summary>
    public int UiLoginRounds { get; init; } = 10;

    public static BenchSettings Full(string workFolder) => new() { Mode = "full", WorkFolder = workFolder };

    public static BenchSettings Quick(string workFolder) => new()
    {
        Mode = "quick",
        WorkFolder = workFolder,
        EngineWorkflows = 200,
        DashboardTasks = 50_000,
        DashboardUsers = 100,
        DashboardRepeats = 50,
        ApiDuration = TimeSpan.FromSeconds(5),
        BuilderRepeats = 5,
        UiRounds = 5,
        UiLoginRounds = 3,
    };

    /// <summary>Just enough to prove every scenario still runs and reports; the numbers mean nothing.</summary>
    public static BenchSettings Tiny(string workFolder) => new()
    {
        Mode = "tiny",
        WorkFolder = workFolder,
        EngineWorkflows = 5,
        EngineWorkers = 2,
        DashboardTasks = 2_000,
        DashboardUsers = 10,
        DashboardRepeats = 3,
        ApiClients = 2,
        ApiDuration = TimeSpan.FromSeconds(1),
        BuilderTasks = 20,
        BuilderRepeats = 1,
        UiRounds = 1,
        UiWarmupRounds = 0,
        UiLoginRounds = 1,
    };
}
