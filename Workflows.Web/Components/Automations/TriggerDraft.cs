using Workflows.Core.Automations;
using Workflows.Core.Localization;

namespace Workflows.Web.Components.Automations;

/// <summary>A trigger while it is edited: mutable fields for the form, turned back into the Core record on save.</summary>
public sealed class TriggerDraft
{
    public AutomationTriggerType Type { get; set; }

    public string? EntitySchema { get; set; }

    public string? TemplateId { get; set; }

    public string? TaskFilter { get; set; }

    public string? PhaseFilter { get; set; }

    /// <summary>Comma separated attribute names.</summary>
    public string? Attributes { get; set; }

    public static TriggerDraft From(AutomationTrigger trigger) => new()
    {
        Type = trigger.Type,
        EntitySchema = trigger.EntitySchema,
        TemplateId = trigger.TemplateId,
        TaskFilter = trigger.TaskFilter,
        PhaseFilter = trigger.PhaseFilter,
        Attributes = trigger.Attributes is { Count: > 0 } names ? string.Join(", ", names) : null,
    };

    public AutomationTrigger ToTrigger() => new()
    {
        Type = Type,
        EntitySchema = Blank(EntitySchema),
        TemplateId = IsWorkflowEvent ? Blank(TemplateId) : null,
        TaskFilter = Type is AutomationTriggerType.TaskCompleted or AutomationTriggerType.JourneySubmitted ? Blank(TaskFilter) : null,
        PhaseFilter = Type == AutomationTriggerType.PhaseCompleted ? Blank(PhaseFilter) : null,
        Attributes = Type == AutomationTriggerType.EntityUpdated && !string.IsNullOrWhiteSpace(Attributes)
            ? [.. Attributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : null,
    };

    public bool IsWorkflowEvent => new AutomationTrigger { Type = Type }.IsWorkflowEvent;

    public static string Label(AutomationTriggerType type) => type switch
    {
        AutomationTriggerType.Manual => Languages.Text<AutomationText>("TriggerManual"),
        AutomationTriggerType.EntityCreated => Languages.Text<AutomationText>("TriggerEntityCreated"),
        AutomationTriggerType.EntityUpdated => Languages.Text<AutomationText>("TriggerEntityUpdated"),
        AutomationTriggerType.FlowStarted => Languages.Text<AutomationText>("TriggerFlowStarted"),
        AutomationTriggerType.TaskCompleted => Languages.Text<AutomationText>("TriggerTaskCompleted"),
        AutomationTriggerType.PhaseCompleted => Languages.Text<AutomationText>("TriggerPhaseCompleted"),
        AutomationTriggerType.FlowCompleted => Languages.Text<AutomationText>("TriggerFlowCompleted"),
        AutomationTriggerType.FlowCancelled => Languages.Text<AutomationText>("TriggerFlowCancelled"),
        AutomationTriggerType.JourneySubmitted => Languages.Text<AutomationText>("TriggerJourneySubmitted"),
        _ => type.ToString(),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
