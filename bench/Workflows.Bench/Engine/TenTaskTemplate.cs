using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;


namespace Workflows.Bench.Engine;

/// <summary>The engine scenario's workflow: ten manual tasks in a line, two phases, assignees and due dates.</summary>
public static class TenTaskTemplate
{
    public const int TaskCount = 10;

    public static string TaskId(int index) => $"task-{index + 1:00}";

    public static FlowTemplate Build(string id) => new()
    {
        Id = id,
        Name = "Bench: ten tasks in a line",
        Trigger = new TemplateTrigger { Id = "manual-opportunity", Type = TemplateTriggerType.Manual, EntitySchema = "opportunity" },
        Linear = true,
        Phases = [new FlowPhase { Id = "prepare", Name = "Prepare" }, new FlowPhase { Id = "deliver", Name = "Deliver" }],
        Tasks = [.. Enumerable.Range(0, TaskCount).Select(i => new FlowTask
        {
            Id = TaskId(i),
            Name = $"Step {i + 1}",
            PhaseId = i < TaskCount / 2 ? "prepare" : "deliver",
            AssignedTo = [Assignee.Of(i % 2 == 0 ? "bench-user-a" : "bench-user-b")],
            DueDateConfig = new DueDateConfig { Duration = i + 1, Unit = TimeUnit.Days, Type = DueDateType.WORKFLOW_STARTED },
        })],
        Edges = [.. Enumerable.Range(0, TaskCount - 1).Select(i => new FlowEdge { Id = $"e{i}", FromId = TaskId(i), ToId = TaskId(i + 1) })],
    };
}
