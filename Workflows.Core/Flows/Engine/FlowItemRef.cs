namespace Workflows.Core.Flows.Engine;

/// <summary>The workflow itself, one of its phases or one of its tasks.</summary>
public sealed record FlowItemRef(FlowItemKind Kind, string? Id)
{
    public static FlowItemRef Workflow { get; } = new(FlowItemKind.Workflow, null);

    public static FlowItemRef Phase(string id) => new(FlowItemKind.Phase, id);

    public static FlowItemRef Task(string id) => new(FlowItemKind.Task, id);
}
