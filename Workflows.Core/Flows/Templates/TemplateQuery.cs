namespace Workflows.Core.Flows.Templates;

/// <summary>Which templates a list or search wants: the filters of the spec's <c>listFlowTemplates</c> and <c>searchFlowTemplates</c>.</summary>
public sealed record TemplateQuery
{
    /// <summary>Part of the name, any case.</summary>
    public string? Name { get; init; }

    public string? Id { get; init; }

    public TemplateTriggerType? TriggerType { get; init; }

    /// <summary>With <see cref="TriggerType"/> automation: the automation's id; journey_submission: the journey's id.</summary>
    public string? TriggerSourceId { get; init; }

    /// <summary>With <see cref="TriggerType"/> manual: the schema whose records may start the template.</summary>
    public string? TriggerSchema { get; init; }

    public bool? Enabled { get; init; }

    public int From { get; init; }

    public int Size { get; init; } = 1000;

    public bool SortByCreated { get; init; }

    public bool Descending { get; init; } = true;
}
