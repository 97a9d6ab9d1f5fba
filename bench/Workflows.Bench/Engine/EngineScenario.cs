using Workflows.Bench.Reporting;

namespace Workflows.Bench.Engine;

/// <summary>
/// Scenario <c>engine</c>: N ten-task linear workflows started and worked to the end, ours on SQLite (every operation
/// committed) and WorkflowCore in memory, in the same process one after the other.
/// </summary>
public static class EngineScenario
{
    public static async Task<IReadOnlyList<BenchMetric>> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var ours = await OurEngine.RunAsync(settings, settings.EngineWorkflows, settings.EngineWorkers, cancellationToken);
        var peer = settings.EnginePeer
            ? await WorkflowCorePeer.RunAsync(settings.EngineWorkflows, settings.EngineWorkers, cancellationToken)
            : null;
        double? Peer(Func<EngineRun, double> figure) => peer is null ? null : figure(peer);
        var size = $"{settings.EngineWorkflows} workflows × 10 tasks, {settings.EngineWorkers} concurrent callers";
        return
        [
            new("engine", "workflow starts/s", Math.Round(ours.StartsPerSecond), Peer(p => Math.Round(p.StartsPerSecond)), "1/s", size),
            new("engine", "task completions/s", Math.Round(ours.CompletionsPerSecond), Peer(p => Math.Round(p.CompletionsPerSecond)), "1/s", size),
            new("engine", "start p50", ours.Starts.Percentile(50), Peer(p => p.Starts.Percentile(50)), "ms"),
            new("engine", "start p95", ours.Starts.Percentile(95), Peer(p => p.Starts.Percentile(95)), "ms"),
            new("engine", "completion p50", ours.Completions.Percentile(50), Peer(p => p.Completions.Percentile(50)), "ms"),
            new("engine", "completion p95", ours.Completions.Percentile(95), Peer(p => p.Completions.Percentile(95)), "ms"),
            new("engine", "CPU per start", ours.CpuPerStart, Peer(p => p.CpuPerStart), "ms", "process CPU time / starts"),
            new("engine", "CPU per completion", ours.CpuPerCompletion, Peer(p => p.CpuPerCompletion), "ms", "process CPU time / completions"),
        ];
    }
}
