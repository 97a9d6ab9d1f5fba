using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// An execution changed in a unit of work that is not saved yet, with the events to publish once it is and the
/// commands that changed it.
/// </summary>
internal sealed record StagedChange(FlowExecution Execution, IReadOnlyList<FlowEvent> Events, IReadOnlyList<FlowCommand> Commands);
