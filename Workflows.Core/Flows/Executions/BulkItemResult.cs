namespace Workflows.Core.Flows.Executions;

/// <summary>How one item of a bulk operation went; refused items say why.</summary>
public sealed record BulkItemResult(string ExecutionId, string? TaskId, string? TaskName, bool Succeeded, string? Message);
