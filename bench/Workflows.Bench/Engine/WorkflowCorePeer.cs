using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Workflows.Bench.Engine;

/// <summary>
/// The peer: WorkflowCore 3.22 with its default in-memory persistence (the setup of its own benchmark), each human
/// task a <c>WaitFor</c> step completed by <c>PublishEvent</c>. An operation counts as done when the step after the
/// wait has run, which is when our service returns too (the workflow has moved on).
/// </summary>
public static class WorkflowCorePeer
{
    /// <summary>Workflows run before the measured ones, so tiered JIT has settled and pools are warm.</summary>
    private const int WarmUp = 150;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Progress = new();

    public static async Task<EngineRun> RunAsync(int workflows, int workers, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow();
        await using var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<TenWaitsWorkflow, TenWaitsData>();
        await host.StartAsync(cancellationToken);
        var keys = new ConcurrentDictionary<string, string>();
        try
        {
            async Task<string> Start(int i)
            {
                var key = $"bench-{Guid.NewGuid():N}";
                var id = await host.StartWorkflow(TenWaitsWorkflow.DefinitionId, new TenWaitsData { Key = key });
                keys[id] = key;
                await Signal(id).WaitAsync(cancellationToken);
                return id;
            }

            async Task Complete(string id, int task)
            {
                await host.PublishEvent(TenTaskTemplate.TaskId(task), keys[id], null);
                await Signal(id).WaitAsync(cancellationToken);
            }

            await new EngineRun(Math.Min(WarmUp, workflows), workers).RunAsync(Start, Complete, cancellationToken);
            var run = new EngineRun(workflows, workers);
            var ids = await run.RunAsync(Start, Complete, cancellationToken);
            var last = await host.PersistenceStore.GetWorkflowInstance(ids[^1], cancellationToken);
            if (last.Status != WorkflowStatus.Complete)
            {
                throw new InvalidOperationException($"WorkflowCore's last workflow ended {last.Status}, not Complete.");
            }

            return run;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            Progress.Clear();
        }
    }

    private static SemaphoreSlim Signal(string workflowId) => Progress.GetOrAdd(workflowId, _ => new SemaphoreSlim(0));

    public sealed class TenWaitsData
    {
        public string Key { get; set; } = "";
    }

    /// <summary>Tells the benchmark that a workflow reached the next point (ready for its first task, or moved on).</summary>
    public sealed class Reached : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context)
        {
            Signal(context.Workflow.Id).Release();
            return ExecutionResult.Next();
        }
    }

    public sealed class TenWaitsWorkflow : IWorkflow<TenWaitsData>
    {
        public const string DefinitionId = "bench-ten-waits";

        public string Id => DefinitionId;

        public int Version => 1;

        public void Build(IWorkflowBuilder<TenWaitsData> builder)
        {
            var step = builder.StartWith<Reached>();
            for (var i = 0; i < TenTaskTemplate.TaskCount; i++)
            {
                step = step.WaitFor(TenTaskTemplate.TaskId(i), data => data.Key).Then<Reached>();
            }
        }
    }
}
