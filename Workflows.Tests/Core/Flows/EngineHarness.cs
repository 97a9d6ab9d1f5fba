using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Tests.Core.Flows;

/// <summary>A started execution plus a fake clock, acting as one user on one record.</summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly FlowActor Anna = new("u-anna", "Anna");

    private EngineHarness(FlowExecution execution, FakeTimeProvider time, JsonObject record, TimeZoneInfo zone)
    {
        Execution = execution;
        Time = time;
        Record = record;
        Zone = zone;
    }

    public FlowExecution Execution { get; }

    public FakeTimeProvider Time { get; }

    public JsonObject Record { get; }

    public TimeZoneInfo Zone { get; }

    public FlowResult Last { get; private set; } = null!;

    public List<FlowEvent> Events { get; } = [];

    public static FlowResult TryStart(FlowTemplate template, JsonObject? record = null, ExecutionChain? chain = null) =>
        FlowEngine.Start(template, new StartFlow("x1", [new EntityRef { EntityId = "rec-1", EntitySchema = "opportunity" }]) { ExecutionChain = chain },
            new EngineContext(T0, Anna) { Facts = EngineContext.FactsFrom(record ?? new JsonObject()) });

    public static EngineHarness Start(FlowTemplate template, JsonObject? record = null, TimeZoneInfo? zone = null, DateTimeOffset? at = null)
    {
        var time = new FakeTimeProvider(at ?? T0);
        record ??= new JsonObject();
        zone ??= TimeZoneInfo.Utc;
        var result = FlowEngine.Start(
            template,
            new StartFlow("x1", [new EntityRef { EntityId = "rec-1", EntitySchema = "opportunity" }]),
            new EngineContext(time.GetUtcNow(), Anna) { Facts = EngineContext.FactsFrom(record), TimeZone = zone });
        Assert.True(result.Succeeded, result.Error?.Message);
        var harness = new EngineHarness(result.Execution, time, record, zone) { Last = result };
        harness.Events.AddRange(result.Events);
        return harness;
    }

    public FlowResult Do(FlowCommand command, FlowActor? actor = null)
    {
        Last = FlowEngine.Apply(Execution, command, new EngineContext(Time.GetUtcNow(), actor ?? Anna)
        {
            Facts = EngineContext.FactsFrom(Record),
            TimeZone = Zone,
        });
        Events.AddRange(Last.Events);
        return Last;
    }

    public FlowResult Ok(FlowCommand command)
    {
        var result = Do(command);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result;
    }

    public FlowResult Complete(string taskId) => Ok(new SetTaskStatus(taskId, StepStatus.COMPLETED));

    public FlowResult Skip(string taskId) => Ok(new SetTaskStatus(taskId, StepStatus.SKIPPED));

    public ExecutionTask Task(string id) => Execution.FindTask(id) ?? throw new InvalidOperationException($"no task {id}");

    public StepStatus Status(string id) => Task(id).Status;

    public string[] Current => [.. Execution.CrtTasks.Select(t => t.Id)];

    public IEnumerable<FlowEventType> LastEventTypes => Last.Events.Select(e => e.Type);
}
