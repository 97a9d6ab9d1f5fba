namespace Workflows.Core.Flows.Engine;

/// <summary>A change a user or the automation runtime asks of a running execution; see <see cref="FlowEngine.Apply"/>.</summary>
public abstract record FlowCommand;
