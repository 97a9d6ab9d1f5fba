using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Flows.Executions;

/// <summary>A committed change to an execution, published after the transaction for live pages and automations.</summary>
public sealed record FlowChange(string ExecutionId, int Version, IReadOnlyList<string> EntityIds, IReadOnlyList<FlowEvent> Events);
