namespace Workflows.Bench.Reporting;

/// <summary>
/// One line of the results table. <see cref="Peer"/> is WorkflowCore's figure where the scenario has a peer, else the
/// goal; <see cref="Ratio"/> is ours / peer (higher is better for rates, lower for latencies and sizes).
/// </summary>
public sealed record BenchMetric(string Name, string Metric, double Ours, double? Peer, string Unit, string? Note = null)
{
    public double? Ratio => Peer is { } peer and not 0 ? Math.Round(Ours / peer, 2) : null;
}
