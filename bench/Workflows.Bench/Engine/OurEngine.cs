using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;

namespace Workflows.Bench.Engine;

/// <summary>Our side of the engine scenario: the application services on the bench's database (SQLite file or PostgreSQL), every change committed.</summary>
public static class OurEngine
{
    /// <summary>Workflows run before the measured ones, so tiered JIT has settled and pools are warm.</summary>
    private const int WarmUp = 150;

    private static readonly Actor Worker = new("bench-user-a", "Bench worker");

    public static async Task<EngineRun> RunAsync(BenchSettings settings, int workflows, int workers, CancellationToken cancellationToken)
    {
        await using var host = await CoreHost.StartAsync(settings, cancellationToken);
        var templates = host.Get<FlowTemplateService>();
        var executions = host.Get<FlowExecutionService>();
        var saved = await templates.SaveAsync(TenTaskTemplate.Build("bench-ten-tasks"), null, Worker, cancellationToken);
        var templateId = saved.Value?.Id ?? throw new InvalidOperationException(saved.Error);

        async Task<string> Start(int i)
        {
            var started = await executions.StartAsync(
                templateId, [new EntityRef { EntityId = $"opportunity-{(i % 15) + 1:000}" }], Worker, cancellationToken);
            return started.Value?.Id ?? throw new InvalidOperationException(started.Error);
        }

        async Task Complete(string id, int task)
        {
            var done = await executions.ApplyAsync(id, new SetTaskStatus(TenTaskTemplate.TaskId(task), StepStatus.COMPLETED), Worker, null, cancellationToken);
            if (!done.Succeeded)
            {
                throw new InvalidOperationException(done.Error);
            }
        }

        await new EngineRun(Math.Min(WarmUp, workflows), workers).RunAsync(Start, Complete, cancellationToken);
        var run = new EngineRun(workflows, workers);
        var ids = await run.RunAsync(Start, Complete, cancellationToken);
        var last = await executions.GetAsync(ids[^1], cancellationToken);
        if (last?.Status != WorkflowStatus.DONE)
        {
            throw new InvalidOperationException($"The last workflow ended {last?.Status}, not DONE.");
        }

        return run;
    }
}
