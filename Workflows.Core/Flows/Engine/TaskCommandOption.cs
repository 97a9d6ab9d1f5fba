namespace Workflows.Core.Flows.Engine;

/// <summary>One command a person may send for a task, and why the engine would refuse it now (null when it would not).</summary>
public sealed record TaskCommandOption(TaskCommandKind Kind, FlowCommand Command, FlowError? Refusal)
{
    public bool Allowed => Refusal is null;
}
