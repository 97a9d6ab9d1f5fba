namespace Workflows.Core.Flows.Engine;

/// <summary>The level a due date or an assignment applies to.</summary>
public enum FlowItemKind
{
    Workflow,
    Phase,
    Task,
}
