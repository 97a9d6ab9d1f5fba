using System.Diagnostics;
using Workflows.Bench.Reporting;

namespace Workflows.Bench.Engine;

/// <summary>
/// The shape both engines are driven in: <c>workers</c> concurrent callers start <c>workflows</c> workflows, then
/// complete their ten tasks in order, each caller waiting for one operation to finish before its next.
/// </summary>
public sealed class EngineRun(int workflows, int workers)
{
    public Latencies Starts { get; } = new();

    public Latencies Completions { get; } = new();

    public double StartsPerSecond { get; private set; }

    public double CompletionsPerSecond { get; private set; }

    /// <summary>Process CPU time per start, in ms: steadier than wall time on a shared machine.</summary>
    public double CpuPerStart { get; private set; }

    public double CpuPerCompletion { get; private set; }

    public async Task<IReadOnlyList<string>> RunAsync(
        Func<int, Task<string>> start, Func<string, int, Task> complete, CancellationToken cancellationToken)
    {
        var ids = new string[workflows];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var cpu = CpuTime();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < workflows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var begun = Stopwatch.GetTimestamp();
                ids[i] = await start(i);
                Starts.Add(begun);
            }
        }, cancellationToken)));
        StartsPerSecond = workflows / clock.Elapsed.TotalSeconds;
        CpuPerStart = Math.Round((CpuTime() - cpu) / workflows, 3);

        clock.Restart();
        cpu = CpuTime();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = ids.Where((_, i) => i % workers == w).ToList();
            for (var task = 0; task < TenTaskTemplate.TaskCount; task++)
            {
                foreach (var id in mine)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var begun = Stopwatch.GetTimestamp();
                    await complete(id, task);
                    Completions.Add(begun);
                }
            }
        }, cancellationToken)));
        CompletionsPerSecond = workflows * TenTaskTemplate.TaskCount / clock.Elapsed.TotalSeconds;
        CpuPerCompletion = Math.Round((CpuTime() - cpu) / (workflows * TenTaskTemplate.TaskCount), 3);
        return ids;
    }

    private static double CpuTime() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
