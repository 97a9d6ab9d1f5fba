using Workflows.Core.Flows.Engine;

namespace Workflows.Core.Flows.Executions;

/// <summary>One command of a bulk operation, on one task of one execution.</summary>
public sealed record BulkItem(string ExecutionId, string? TaskId, FlowCommand Command);
