using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workflows.Core.Automations;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Tests.Infrastructure;
using Xunit.Abstractions;
using static Workflows.Tests.Core.Flows.TemplateBuilder;

namespace Workflows.Tests.EndToEnd;

/// <summary>
/// The app killed with SIGKILL in the middle of a burst of API starts and completions, each of which also runs a webhook
/// automation, then started again on the same database (a SQLite file, or a PostgreSQL database under
/// <c>./test.sh --postgres</c>): what it answered with 2xx must still be there, the task rows must match the documents,
/// every job must finish and every webhook arrive once in effect. Two kill points: early in a burst and late in another.
/// In the serial collection, so the browser tests do not starve it of CPU.
/// </summary>
[Collection(nameof(EndToEnd))]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Token = "crash-test-bootstrap-token-0123456789";
    private const string HookAction = "hook";
    private const int WorkflowsPerRound = 6;
    private const int Clients = 4;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDatabase database = new();
    private readonly ConcurrentBag<string> startedAnswered = [];
    private readonly ConcurrentBag<string> completedAnswered = [];
    private WebhookListener receiver = default!;
    private string templateId = "";

    public async Task InitializeAsync()
    {
        receiver = await WebhookListener.StartAsync();
        await using var services = CoreServices.Build(database, settings: Settings());
        await using (var scope = services.CreateAsyncScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
        }

        var actor = new Actor("crash-test", "Crash test");
        var template = ATemplate("Crash burst").WithTask("a", "First").WithTask("b", "Second").Chain("a", "b")
            .With(t =>
            {
                t.Id = null;
                t.Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" };
            })
            .Build();
        var saved = await services.GetRequiredService<FlowTemplateService>().SaveAsync(template, null, actor, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        templateId = saved.Value.Id!;
        var automation = await services.GetRequiredService<AutomationService>().SaveAsync(
            new Automation
            {
                Id = "crash-webhook",
                Name = "Tell the receiver",
                Triggers =
                [
                    new AutomationTrigger { Type = AutomationTriggerType.FlowStarted, TemplateId = templateId },
                    new AutomationTrigger { Type = AutomationTriggerType.TaskCompleted, TemplateId = templateId },
                ],
                Actions = [new AutomationAction { Id = HookAction, Type = AutomationActionType.CallWebhook, Url = receiver.Address.ToString() }],
            },
            null, actor, CancellationToken.None);
        Assert.True(automation.Succeeded, automation.Error);
        if (!database.IsPostgres)
        {
            SqliteConnection.ClearAllPools();
        }
    }

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Killed_mid_burst_the_app_restarts_with_every_answered_change_kept_and_every_webhook_delivered_once_in_effect()
    {
        var clock = Stopwatch.StartNew();
        // Early: only a few answers are out, most of the burst and its automation runs are in flight.
        await using (var app = await StartAppAsync())
        {
            await BurstAndKillAsync(app, killAfterAnswers: 2);
        }

        await using (var app = await StartAppAsync())
        {
            await SettleAndCheckAsync(round: 1);
            // Late: most answers are out, the last requests and the webhooks they caused are still running.
            await BurstAndKillAsync(app, killAfterAnswers: 2 * WorkflowsPerRound - 3);
        }

        await using (var app = await StartAppAsync())
        {
            await SettleAndCheckAsync(round: 2);
        }

        output.WriteLine($"2 kill rounds in {clock.Elapsed.TotalSeconds:0.0} s: {startedAnswered.Count} starts and {completedAnswered.Count} completions answered 2xx, all kept; {receiver.Received.Count} webhook deliveries for {receiver.Received.Select(h => h.Delivery).Distinct().Count()} runs.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"The crash test took {clock.Elapsed}.");
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Api:BootstrapToken"] = Token,
        ["Jobs:PollInterval"] = "00:00:00.100",
        // A job whose worker was killed is claimed again once its lease runs out.
        ["Jobs:Lease"] = "00:00:03",
        ["Jobs:RetryBaseDelay"] = "00:00:00.200",
        // The receiver is on loopback, which the webhook guard refuses unless allowed.
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:AllowedHosts:1"] = "localhost",
    };

    private async Task<AppProcess> StartAppAsync() => await AppProcess.StartAsync(database, Settings());

    /// <summary>
    /// Starts a round's workflows one by one, then fires their completions and as many new starts from
    /// <see cref="Clients"/> clients at once, and kills the app when <paramref name="killAfterAnswers"/> of them were answered.
    /// </summary>
    private async Task BurstAndKillAsync(AppProcess app, int killAfterAnswers)
    {
        using var client = Client(app);
        var open = new List<string>();
        for (var i = 0; i < WorkflowsPerRound; i++)
        {
            open.Add(await StartAsync(client, i) ?? throw new InvalidOperationException($"A start before the burst failed:\n{app.Output}"));
        }

        var burst = new ConcurrentQueue<Func<Task<bool>>>(open
            .Select((id, i) => new Func<Task<bool>>[] { () => CompleteAsync(client, id), async () => await StartAsync(client, WorkflowsPerRound + i) is not null })
            .SelectMany(pair => pair));
        var answers = 0;
        var killed = false;
        async Task Worker()
        {
            while (!Volatile.Read(ref killed) && burst.TryDequeue(out var operation))
            {
                bool answered;
                try
                {
                    answered = await operation();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // The app was killed under this request: its outcome is unknown, and nothing is asserted about it.
                    return;
                }

                if (answered && Interlocked.Increment(ref answers) == killAfterAnswers)
                {
                    Volatile.Write(ref killed, true);
                    app.Kill();
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(Worker)));
        Assert.True(killed, $"The burst ended after {answers} answers before the kill point {killAfterAnswers}:\n{app.Output}");
    }

    private async Task<string?> StartAsync(HttpClient client, int i)
    {
        using var response = await client.PostAsJsonAsync("/v2/flows/executions", new JsonObject
        {
            ["flow_template_id"] = templateId,
            ["contexts"] = new JsonArray { new JsonObject { ["entity_id"] = $"opportunity-{i % 10 + 1:000}", ["entity_schema"] = "opportunity" } },
        });
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        startedAnswered.Add(id);
        return id;
    }

    private async Task<bool> CompleteAsync(HttpClient client, string executionId)
    {
        using var response = await client.PatchAsync(
            new Uri($"/v2/flows/executions/{executionId}/tasks/a", UriKind.Relative),
            new StringContent("{\"status\":\"COMPLETED\"}", Encoding.UTF8, "application/json"));
        if (response.IsSuccessStatusCode)
        {
            completedAnswered.Add(executionId);
        }

        return response.IsSuccessStatusCode;
    }

    private static HttpClient Client(AppProcess app)
    {
        var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(20) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>Waits until no job is due or running, then checks the file against everything the app promised.</summary>
    private async Task SettleAndCheckAsync(int round)
    {
        await using var services = CoreServices.Build(database, settings: Settings());
        var dbFactory = services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();
        var deadline = Stopwatch.StartNew();
        List<Job> unfinished;
        while ((unfinished = await UnfinishedJobsAsync(dbFactory)).Count > 0 && deadline.Elapsed < SettleTimeout)
        {
            await Task.Delay(200);
        }

        Assert.True(unfinished.Count == 0, $"Round {round}: jobs not finished after {SettleTimeout}: {string.Join(", ", unfinished.Select(j => $"{j.Kind} {j.Status} {j.LastError}"))}");
        await using var db = await dbFactory.CreateDbContextAsync();
        AssertIntegrity();
        var executions = await db.FlowExecutions.AsNoTracking().Where(e => e.TemplateId == templateId).ToListAsync();
        var documents = executions.ToDictionary(e => e.Id, e => FlowExecutionService.Deserialize(e.Document));
        Assert.All(startedAnswered, id => Assert.True(documents.ContainsKey(id), $"Round {round}: the answered start {id} is lost."));
        Assert.All(completedAnswered, id => Assert.Equal(StepStatus.COMPLETED, documents[id].FindTask("a")!.Status));

        var ids = documents.Keys.ToList();
        var rows = await db.FlowTasks.AsNoTracking().Where(t => ids.Contains(t.ExecutionId)).ToListAsync();
        Assert.Equal(
            documents.SelectMany(d => d.Value.Tasks.Select(t => $"{d.Key}/{t.Id}={t.Status}")).Order(),
            rows.Select(r => $"{r.ExecutionId}/{r.TaskId}={r.Status}").Order());

        // One run per workflow event the automation listens to, each finished, each delivered under its own key.
        var events = await db.FlowEvents.AsNoTracking()
            .Where(e => ids.Contains(e.ExecutionId) && (e.Type == "FlowStarted" || e.Type == "TaskCompleted"))
            .ToListAsync();
        var runs = await db.AutomationRuns.AsNoTracking().Where(r => r.AutomationId == "crash-webhook").ToListAsync();
        Assert.Equal(events.Count, runs.Count);
        Assert.Equal(
            events.Select(e => $"{e.ExecutionId}/{e.Type}/{(e.Type == "TaskCompleted" ? e.TaskId : null)}").Order(),
            runs.Select(r => $"{r.ExecutionId}/{r.TriggerType}/{r.Event.TaskId}").Order());
        Assert.All(runs, r => Assert.True(r.Status == AutomationRunStatus.Succeeded, $"Run {r.Id}: {r.Status} {r.Error}"));
        var keys = runs.Select(r => $"{r.Id}:{HookAction}").ToHashSet();
        var delivered = receiver.Received.Select(h => h.Delivery).ToList();
        Assert.Equal(keys.Order(), delivered.Distinct().Order());
        output.WriteLine($"Round {round}: {documents.Count} workflows, {rows.Count} task rows, {runs.Count} runs, {delivered.Count - keys.Count} repeated deliveries (same key).");
    }

    /// <summary>Jobs that are due, running or failed; recurring housekeeping queued for later is finished for now.</summary>
    private static async Task<List<Job>> UnfinishedJobsAsync(IDbContextFactory<WorkflowsDbContext> dbFactory)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.Status == JobStatus.Queued || j.Status == JobStatus.Running || j.Status == JobStatus.Failed).ToListAsync();
        return jobs.FindAll(j => j.Status != JobStatus.Queued || j.RunAt <= now);
    }

    private void AssertIntegrity()
    {
        if (database.IsPostgres)
        {
            // PostgreSQL's write-ahead log is its own promise; the rows checked above are what the app adds to it.
            return;
        }

        // A fresh connection: one pooled in this process from before the app's restart reported FTS5 index blocks missing
        // that a new connection, the app and a checkpointed copy all read fine.
        using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)command.ExecuteScalar());
    }
}
