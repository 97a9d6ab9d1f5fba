using Workflows.Bench.Reporting;

namespace Workflows.Bench.Ui;

/// <summary>Click-to-screen samples per action, in the order the actions were first timed.</summary>
public sealed class UiTimings
{
    private readonly List<(string Action, Latencies Samples)> actions = [];
    private int menusLost;

    /// <summary>A menu closed by a re-render between opening it and clicking its item.</summary>
    public void MenuLost() => Interlocked.Increment(ref menusLost);

    public void Add(string action, double milliseconds)
    {
        var entry = actions.Find(a => a.Action == action);
        if (entry.Samples is null)
        {
            entry = (action, new Latencies());
            actions.Add(entry);
        }

        entry.Samples.Add(milliseconds);
    }

    /// <summary>One metric per action: p95 against <paramref name="goalMs"/> (none when null), p50 and the count in the note.</summary>
    public IEnumerable<BenchMetric> Metrics(double? goalMs) => actions.Select(a => new BenchMetric(
        "ui", $"{a.Action} p95", a.Samples.Percentile(95), goalMs, "ms", $"p50 {a.Samples.Percentile(50)} · {a.Samples.Count} rounds"));

    public BenchMetric MenusLostMetric() =>
        new("ui", "menus closed by a re-render before their item was clicked", menusLost, 0, "menus");
}
