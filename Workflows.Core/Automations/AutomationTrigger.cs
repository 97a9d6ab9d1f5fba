namespace Workflows.Core.Automations;

/// <summary>
/// One trigger of an automation. Every filter that is set must hold: the record's schema, the workflow template, the
/// task or phase (by id or name) and, for record updates, that at least one of <see cref="Attributes"/> changed.
/// </summary>
public sealed record AutomationTrigger
{
    public AutomationTriggerType Type { get; init; }

    public string? EntitySchema { get; init; }

    public string? TemplateId { get; init; }

    /// <summary>TaskCompleted and JourneySubmitted: only this task (id or name).</summary>
    public string? TaskFilter { get; init; }

    /// <summary>PhaseCompleted: only this phase (id or name).</summary>
    public string? PhaseFilter { get; init; }

    /// <summary>EntityUpdated: only when one of these attributes changed; empty means any.</summary>
    public List<string>? Attributes { get; init; }

    public bool IsWorkflowEvent => Type is AutomationTriggerType.FlowStarted or AutomationTriggerType.TaskCompleted
        or AutomationTriggerType.PhaseCompleted or AutomationTriggerType.FlowCompleted or AutomationTriggerType.FlowCancelled
        or AutomationTriggerType.JourneySubmitted;

    public bool Matches(AutomationEvent e)
    {
        if (e.Type != Type || Type == AutomationTriggerType.Manual)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(EntitySchema) && !string.Equals(EntitySchema, e.EntitySchema, StringComparison.Ordinal))
        {
            return false;
        }

        if (IsWorkflowEvent && !string.IsNullOrWhiteSpace(TemplateId) && !string.Equals(TemplateId, e.TemplateId, StringComparison.Ordinal))
        {
            return false;
        }

        return Type switch
        {
            AutomationTriggerType.TaskCompleted or AutomationTriggerType.JourneySubmitted => Names(TaskFilter, e.TaskId, e.TaskName),
            AutomationTriggerType.PhaseCompleted => Names(PhaseFilter, e.PhaseId, e.PhaseName),
            AutomationTriggerType.EntityUpdated => Attributes is not { Count: > 0 } || Attributes.Exists(a => e.ChangedAttributes?.Contains(a) == true),
            _ => true,
        };
    }

    private static bool Names(string? filter, string? id, string? name) =>
        string.IsNullOrWhiteSpace(filter)
        || string.Equals(filter.Trim(), id, StringComparison.Ordinal)
        || string.Equals(filter.Trim(), name, StringComparison.OrdinalIgnoreCase);
}
