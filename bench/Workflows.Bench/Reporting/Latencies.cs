using System.Collections.Concurrent;
using System.Diagnostics;

namespace Workflows.Bench.Reporting;

/// <summary>Latency samples in milliseconds, safe to add to from many workers; percentiles by nearest rank.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> samples = [];

    public int Count => samples.Count;

    public void Add(double milliseconds) => samples.Add(milliseconds);

    public void Add(long startTimestamp) => samples.Add(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds);

    public double Percentile(double p)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 2);
    }
}
