using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Bench.Engine;
using Workflows.Bench.Reporting;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;

namespace Workflows.Bench.Api;

/// <summary>
/// Scenario <c>api</c>: the app on a real socket; N concurrent clients, each with its own API token and connection,
/// complete tasks with <c>PATCH /v2/flows/executions/{id}/tasks/{task_id}</c> for a fixed time. Each client works
/// its own workflows (started beforehand), in order, so no request is refused for a reason the server did not cause.
/// </summary>
public static class ApiScenario
{
    private const double GoalP95Ms = 25;

    /// <summary>Workflows started per client for each second of the run: room for ~40 completions a second each.</summary>
    private const int WorkflowsPerClientSecond = 4;

    public static async Task<IReadOnlyList<BenchMetric>> RunAsync(BenchSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(settings.WorkFolder, $"api-{Guid.NewGuid():N}");
        try
        {
            return await RunInAsync(folder, settings, log, cancellationToken);
        }
        finally
        {
            if (!settings.KeepDatabases)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<BenchMetric>> RunInAsync(string folder, BenchSettings settings, TextWriter log, CancellationToken cancellationToken)
    {
        await using var app = new BenchApp(folder);
        var address = app.StartOnSocket();
        var (tokens, work) = await PrepareAsync(app, settings, cancellationToken);
        await log.WriteLineAsync($"  {work.Sum(w => w.Count)} workflows started for {settings.ApiClients} clients at {address}");

        var latencies = new Latencies();
        var errors = 0;
        var outOfWork = 0;
        string? firstError = null;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.ApiClients).Select(c => Task.Run(async () =>
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[c]);
            foreach (var executionId in work[c])
            {
                for (var task = 0; task < TenTaskTemplate.TaskCount; task++)
                {
                    if (deadline.Elapsed >= settings.ApiDuration)
                    {
                        return;
                    }

                    using var body = new StringContent("""{"status":"COMPLETED"}""", Encoding.UTF8, "application/json");
                    var begun = Stopwatch.GetTimestamp();
                    using var response = await client.PatchAsync(
                        new Uri($"v2/flows/executions/{executionId}/tasks/{TenTaskTemplate.TaskId(task)}", UriKind.Relative), body, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    latencies.Add(begun);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}", null);
                    }
                }
            }

            Interlocked.Increment(ref outOfWork);
        }, cancellationToken)));
        var elapsed = deadline.Elapsed;
        if (firstError is not null)
        {
            await log.WriteLineAsync($"  first error: {firstError}");
        }

        var note = $"{settings.ApiClients} clients × {settings.ApiDuration.TotalSeconds:0} s, {latencies.Count:N0} requests" +
            (outOfWork > 0 ? $"; {outOfWork} clients ran out of tasks early" : "");
        return
        [
            new("api", "PATCH task status, requests/s", Math.Round(latencies.Count / elapsed.TotalSeconds), null, "1/s", note),
            new("api", "PATCH p50", latencies.Percentile(50), null, "ms"),
            new("api", "PATCH p95", latencies.Percentile(95), GoalP95Ms, "ms"),
            new("api", "PATCH p99", latencies.Percentile(99), null, "ms"),
            new("api", "errors", errors, 0, "requests", firstError is null ? null : $"first: {firstError[..Math.Min(120, firstError.Length)]}"),
        ];
    }

    /// <summary>A token per client (a demo case worker's) and, per client, its own workflows of ten tasks.</summary>
    private static async Task<(List<string> Tokens, List<string>[] Work)> PrepareAsync(BenchApp app, BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("caseworker@workflows.demo")
            ?? throw new InvalidOperationException("The demo case worker is missing.");
        var actor = new Actor(user.Id, user.DisplayName);
        var tokenService = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var tokens = new List<string>();
        for (var c = 0; c < settings.ApiClients; c++)
        {
            var created = await tokenService.CreateAsync(user.Id, $"bench client {c + 1}", DateTimeOffset.UtcNow.AddDays(1), cancellationToken);
            tokens.Add(created.Succeeded ? created.Value.Token : throw new InvalidOperationException(created.Error));
        }

        var templates = scope.ServiceProvider.GetRequiredService<FlowTemplateService>();
        var executions = scope.ServiceProvider.GetRequiredService<FlowExecutionService>();
        var saved = await templates.SaveAsync(TenTaskTemplate.Build("bench-api-ten-tasks"), null, actor, cancellationToken);
        var templateId = saved.Value?.Id ?? throw new InvalidOperationException(saved.Error);
        var perClient = Math.Max(2, (int)Math.Ceiling(settings.ApiDuration.TotalSeconds * WorkflowsPerClientSecond));
        var work = Enumerable.Range(0, settings.ApiClients).Select(_ => new List<string>(perClient)).ToArray();
        var next = -1;
        var total = perClient * settings.ApiClients;
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var started = await executions.StartAsync(
                    templateId, [new EntityRef { EntityId = $"opportunity-{(i % 15) + 1:000}" }], actor, cancellationToken);
                var id = started.Value?.Id ?? throw new InvalidOperationException(started.Error);
                lock (work)
                {
                    work[i % settings.ApiClients].Add(id);
                }
            }
        }, cancellationToken)));
        return (tokens, work);
    }
}
