using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// What a caller wants done to an execution: engine commands, and events of its own (a journey submission) that go
/// into the history before the engine's.
/// </summary>
internal sealed record PlannedChange(IReadOnlyList<FlowCommand> Commands, IReadOnlyList<FlowEvent> LeadingEvents);
