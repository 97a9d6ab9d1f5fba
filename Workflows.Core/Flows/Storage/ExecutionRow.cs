using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Storage;

/// <summary>A running or finished workflow: its document (the engine's state) plus columns to find it by.</summary>
public sealed class ExecutionRow
{
    public required string Id { get; init; }

    public string? TemplateId { get; init; }

    public int? TemplateRevision { get; init; }

    public required string Name { get; set; }

    public required string Status { get; set; }

    public required string PrimaryEntityId { get; init; }

    public string? PrimarySchema { get; init; }

    /// <summary>Optimistic concurrency: equals <see cref="FlowExecution.Version"/> of the stored document.</summary>
    public int Version { get; set; }

    /// <summary>The <see cref="FlowExecution"/> as JSON (FlowJson).</summary>
    public required string Document { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public bool Deleted { get; set; }

    /// <summary>The row of a just-started execution on <paramref name="primary"/>; its document is written on save.</summary>
    internal static ExecutionRow For(FlowExecution execution, Entities.EntityRecord primary) => new()
    {
        Id = execution.Id,
        TemplateId = execution.FlowTemplateId,
        TemplateRevision = execution.FlowTemplateRevision,
        Name = execution.Name,
        Status = execution.Status.ToString(),
        PrimaryEntityId = primary.Id,
        PrimarySchema = primary.Schema,
        Version = execution.Version,
        Document = "",
        CreatedAt = execution.CreatedAt,
    };
}
