using Bunit;
using Workflows.Core.Dashboard;
using Workflows.Web.Components.Dashboard;

namespace Workflows.Tests.Components.Dashboard;

public sealed class TaskSummaryTests : MudTestContext
{
    private static readonly DashboardSummary Small = new(3, 1, 0, 2,
        [("u-lena", 3), ("u-jonas", 1)],
        [.. Enumerable.Range(0, 30).Select(i => (new DateOnly(2026, 11, 1).AddDays(i), i % 3))],
        [(new DateOnly(2026, 11, 23), 2), (new DateOnly(2026, 11, 30), 1)]);

    private IRenderedComponent<TaskSummary> RenderSummary() => Render<TaskSummary>(p => p
        .Add(s => s.Summary, Small).Add(s => s.View, new DashboardView()).Add(s => s.ShowCharts, true));

    [Fact]
    public void The_summary_numbers_are_labelled_text_not_headings()
    {
        var summary = RenderSummary();

        Assert.Empty(summary.FindAll("h1, h2, h3, h4, h5, h6"));
        var open = summary.Find("[data-card=open]");
        Assert.Equal("Open: 3", open.GetAttribute("aria-label"));
        Assert.Equal("3", open.QuerySelector(".wf-card-count")!.TextContent.Trim());
    }

    [Fact]
    public void A_chart_of_small_counts_gets_an_axis_that_fits_them_instead_of_0_to_20()
    {
        var summary = RenderSummary();

        var chart = summary.FindAll(".wf-chart")[0];
        var ticks = chart.QuerySelectorAll(".mud-charts-yaxis text").Select(t => double.Parse(t.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(ticks);
        Assert.True(ticks.Max() <= 5, $"y axis goes to {ticks.Max()}");
    }
}
