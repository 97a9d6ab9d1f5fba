namespace Workflows.Core.Flows.Storage;

/// <summary>One saved version of a template, kept forever: executions pin one, history lists them.</summary>
public sealed class TemplateVersionRow
{
    public required string TemplateId { get; init; }

    public required int Revision { get; init; }

    public required string Name { get; init; }

    public required string Document { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    public string? SavedBy { get; init; }

    public string? Note { get; init; }
}
