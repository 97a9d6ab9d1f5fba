using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Workflows.Core.Jobs;
using Workflows.Core.Telemetry;
using Workflows.Tests.Infrastructure;
using static Workflows.Tests.Api.FlowApi;

namespace Workflows.Tests.Api;

/// <summary>The <c>Workflows</c> meter counts what the API does and reads the job queue, as an exporter would see it.</summary>
public sealed class MetricsTests(MetricsTests.App app) : IClassFixture<MetricsTests.App>, IAsyncLifetime
{
    private HttpClient caseWorker = default!;
    private string templateId = "";

    /// <summary>Without the job worker, so queued jobs stay queued while the gauges read them.</summary>
    public sealed class App : WorkflowsAppFactory
    {
        public App() => Settings["Jobs:RunWorker"] = "false";
    }

    private IMeterFactory Meters => app.Services.GetRequiredService<IMeterFactory>();

    public async Task InitializeAsync()
    {
        caseWorker = await ApiClients.ForAsync(app, "caseworker@workflows.demo");
        using var builder = await ApiClients.ForAsync(app, "builder@workflows.demo");
        templateId = (string)(await CreateTemplateAsync(builder, SolarTemplate()))["id"]!;
    }

    public Task DisposeAsync()
    {
        caseWorker.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Starting_a_workflow_and_completing_a_task_through_the_API_are_counted()
    {
        using var starts = new MetricCollector<long>(Meters, WorkflowsMetrics.MeterName, "workflows.workflow.starts");
        using var changes = new MetricCollector<long>(Meters, WorkflowsMetrics.MeterName, "workflows.task.changes");

        var execution = await StartAsync(caseWorker, templateId);
        await PatchTaskAsync(caseWorker, (string)execution["id"]!, "docs", new JsonObject { ["status"] = "COMPLETED" });

        var start = Assert.Single(starts.GetMeasurementSnapshot());
        Assert.Equal(1, start.Value);
        Assert.Equal("MANUAL", start.Tags["trigger"]);
        var completed = Assert.Single(changes.GetMeasurementSnapshot(), m => (string?)m.Tags["status"] == "COMPLETED");
        Assert.Equal("SetTaskStatus", completed.Tags["command"]);
    }

    [Fact]
    public async Task A_change_on_a_stale_version_is_counted_as_a_conflict()
    {
        using var conflicts = new MetricCollector<long>(Meters, WorkflowsMetrics.MeterName, "workflows.conflicts");
        var execution = await StartAsync(caseWorker, templateId);
        var id = (string)execution["id"]!;
        var seen = (int)execution["version"]!;
        await PatchTaskAsync(caseWorker, id, "docs", new JsonObject { ["status"] = "IN_PROGRESS" });

        using var stale = await PatchAsync(caseWorker, $"/v2/flows/executions/{id}/tasks/docs", new JsonObject { ["status"] = "COMPLETED" }, ifMatch: seen);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(conflicts.GetMeasurementSnapshot(), m => (string?)m.Tags["kind"] == "stale_version");
    }

    [Fact]
    public async Task The_queue_gauges_report_enqueued_jobs_that_are_due()
    {
        using var depth = new MetricCollector<int>(Meters, WorkflowsMetrics.MeterName, "workflows.jobs.queue_depth");
        using var age = new MetricCollector<double>(Meters, WorkflowsMetrics.MeterName, "workflows.jobs.oldest_age");
        depth.RecordObservableInstruments();
        var before = depth.LastMeasurement!.Value;

        var queue = app.Services.GetRequiredService<JobQueue>();
        for (var i = 0; i < 3; i++)
        {
            await queue.EnqueueAsync(new NewJob("metrics-test", "{}") { RunAt = DateTimeOffset.UtcNow.AddSeconds(-30) }, CancellationToken.None);
        }

        await queue.EnqueueAsync(new NewJob("metrics-test", "{}") { RunAt = DateTimeOffset.UtcNow.AddDays(1) }, CancellationToken.None);
        // The gauges read the table at most once a second.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        depth.RecordObservableInstruments();
        age.RecordObservableInstruments();

        Assert.Equal(before + 3, depth.LastMeasurement!.Value);
        Assert.True(age.LastMeasurement!.Value >= 30, $"oldest age {age.LastMeasurement.Value} s");
    }
}
