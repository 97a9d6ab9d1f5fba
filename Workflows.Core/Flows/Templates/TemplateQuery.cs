namespace Workflows.Core.Flows.Templates;

/// <summary>Which templates a list or search wants: the filters of the spec's <c>listFlowTemplates</c> and <c>searchFlowTemplates</c>.</summary>
public sealed record TemplateQuery
{
    /// <summary>Every template, in name order: the pickers' list.</summary>
    public static TemplateQuery AllByName { get; } = new() { Sort = TemplateSort.Name, Descending = false };

    /// <summary>Part of the name, any case.</summary>
    public string? Name { get; init; }

    /// <summary>Part of the name or the description, any case: the builder's search box.</summary>
    public string? Text { get; init; }

    /// <summary>Templates carrying every one of these labels (epilot's <c>taxonomies</c>), compared in any case.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>True: only templates with a running workflow; false: only those without.</summary>
    public bool? HasRunningWorkflows { get; init; }

    public string? Id { get; init; }

    public TemplateTriggerType? TriggerType { get; init; }

    /// <summary>With <see cref="TriggerType"/> automation: the automation's id; journey_submission: the journey's id.</summary>
    public string? TriggerSourceId { get; init; }

    /// <summary>With <see cref="TriggerType"/> manual: the schema whose records may start the template.</summary>
    public string? TriggerSchema { get; init; }

    public bool? Enabled { get; init; }

    public int From { get; init; }

    public int Size { get; init; } = 1000;

    public TemplateSort Sort { get; init; } = TemplateSort.Updated;

    public bool Descending { get; init; } = true;
}
