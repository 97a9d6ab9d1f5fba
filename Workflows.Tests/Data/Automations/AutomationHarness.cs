using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Workflows.Core.Automations;
using Workflows.Core.Data;
using Workflows.Core.Demo;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Tests.Infrastructure;

namespace Workflows.Tests.Data.Automations;

/// <summary>
/// The Core services on a real SQLite file with the demo data, a fake clock, and the job worker stepped by hand:
/// <see cref="RunJobsAsync"/> is "the worker polls until nothing is due".
/// </summary>
public sealed class AutomationHarness : IAsyncDisposable
{
    public static readonly Actor Lena = new("lena", "Lena Schmidt");

    /// <summary>The settings that let webhooks reach a <see cref="WebhookListener"/> on 127.0.0.1.</summary>
    public static Dictionary<string, string?> LoopbackWebhooks => new() { ["Webhooks:AllowedHosts:0"] = "127.0.0.1" };

    private readonly TempDatabase database = new();

    private AutomationHarness(Action<IServiceCollection>? configure, IDictionary<string, string?>? settings)
    {
        Services = CoreServices.Build(database, Clock, settings, configure);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    public string MailFolder => database.FilePath + "-mail";

    public JobWorker Worker => Services.GetRequiredService<JobWorker>();

    public JobQueue Jobs => Services.GetRequiredService<JobQueue>();

    public AutomationService Automations => Services.GetRequiredService<AutomationService>();

    public FlowExecutionService Executions => Services.GetRequiredService<FlowExecutionService>();

    public FlowTemplateService Templates => Services.GetRequiredService<FlowTemplateService>();

    public EntityService Entities => Services.GetRequiredService<EntityService>();

    public static async Task<AutomationHarness> StartAsync(
        Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, bool seed = true)
    {
        var harness = new AutomationHarness(configure, settings);
        await using var scope = harness.Services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);
        if (seed)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            // The demo's own workflows queued work (scheduled welcome e-mails, events); start every test from a quiet queue.
            await harness.RunJobsAsync();
            if (Directory.Exists(harness.MailFolder))
            {
                Directory.Delete(harness.MailFolder, recursive: true);
            }
        }

        return harness;
    }

    /// <summary>Polls until no job is due at the fake clock's now.</summary>
    public Task<int> RunJobsAsync() => Worker.RunUntilIdleAsync(CancellationToken.None);

    public WorkflowsDbContext Db() => database.CreateContext();

    public async Task<Automation> SaveAsync(string id, string name, List<AutomationTrigger> triggers, params AutomationAction[] actions)
    {
        var saved = await Automations.SaveAsync(
            new Automation { Id = id, Name = name, Triggers = triggers, Actions = [.. actions] }, null, Lena, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        return saved.Value;
    }

    public async Task<FlowTemplate> SaveTemplateAsync(FlowTemplate template)
    {
        var saved = await Templates.SaveAsync(template, null, Lena, CancellationToken.None);
        Assert.True(saved.Succeeded, saved.Error);
        return saved.Value;
    }

    public async Task<FlowExecution> StartAsync(string templateId, string entityId)
    {
        var started = await Executions.StartAsync(templateId, [new EntityRef { EntityId = entityId }], Lena, CancellationToken.None);
        Assert.True(started.Succeeded, started.Error);
        return started.Value;
    }

    public async Task<FlowExecution> ExecutionAsync(string id) =>
        await Executions.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"No execution {id}.");

    public async Task<JsonObject> AttributesAsync(string entityId)
    {
        await using var db = Db();
        return (await db.EntityRecords.AsNoTracking().SingleAsync(r => r.Id == entityId)).Attributes;
    }

    public async Task SetAttributeAsync(string schema, string entityId, string attribute, JsonNode? value)
    {
        var updated = await Entities.UpdateAsync(schema, entityId, new JsonObject { [attribute] = value }, null, replace: false, Lena, CancellationToken.None);
        Assert.True(updated.Succeeded, updated.Error);
    }

    public async Task<List<AutomationRun>> RunsAsync(string automationId)
    {
        await using var db = Db();
        return await db.AutomationRuns.AsNoTracking().Where(r => r.AutomationId == automationId).OrderBy(r => r.CreatedAt).ToListAsync();
    }

    public string[] Mails() => Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : [];

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        database.Dispose();
    }
}
