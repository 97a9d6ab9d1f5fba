using MudBlazor;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;
using Workflows.Web.Components.Shared;

namespace Workflows.Web.Components.Builder;

/// <summary>
/// Names the resources (<c>BuilderText.resx</c>, <c>BuilderText.de.resx</c>) that hold the texts of the workflow
/// builder: list, canvas, toolbar, palette, panels and dialogs; and, in its static helpers, how the builder names and
/// pictures the template's enums to a business user.
/// </summary>
public sealed class BuilderText
{
    private BuilderText()
    {
    }

    /// <summary>How a template is started: the settings dialog's choice and the list's filter.</summary>
    public static string Trigger(TemplateTriggerType type) => type switch
    {
        TemplateTriggerType.Manual => Texts.Get<BuilderText>("TriggerManual"),
        TemplateTriggerType.Automation => Texts.Get<BuilderText>("TriggerAutomation"),
        TemplateTriggerType.JourneySubmission => Texts.Get<BuilderText>("TriggerJourneySubmission"),
        _ => type.ToString(),
    };

    /// <summary>The label of an edge leaving a decision: its branch, or "None met"; null for an edge from any other task.</summary>
    public static string? Branch(FlowTask from, FlowEdge edge) =>
        from.TaskType != TaskType.DECISION ? null
        : edge.NoneMet == true ? Texts.Get<BuilderText>("BranchNoneMet")
        : from.Conditions?.Find(c => c.Id == edge.ConditionId)?.BranchName is { Length: > 0 } name ? name : Texts.Get<BuilderText>("NoBranch");

    /// <summary>An assignee variable in words: who started the workflow, or the record's user attribute it reads.</summary>
    public static string Variable(string? variable, Core.Entities.EntitySchema? schema)
    {
        if (variable == "{{workflow.started_by}}")
        {
            return Texts.Get<BuilderText>("VariableStartedBy");
        }

        var attribute = variable?.Trim('{', '}') is { } expression && expression.StartsWith("entity.", StringComparison.Ordinal)
            ? schema?.Attributes.FirstOrDefault(a => a.Name == expression["entity.".Length..])
            : null;
        return attribute is null ? variable ?? "" : Texts.Get<BuilderText>("VariableAttribute", Languages.InSentence(attribute.Label), variable!);
    }

    /// <summary>A task's or phase's name as the canvas, its panels and the export show it: "(no name)" while it has none.</summary>
    public static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? Texts.Get<BuilderText>("NoName") : name;

    public static string Kind(TaskType type) => type switch
    {
        TaskType.AUTOMATION => Texts.Get<BuilderText>("KindAutomation"),
        TaskType.DECISION => Texts.Get<BuilderText>("KindDecision"),
        TaskType.AI_AGENT => Texts.Get<BuilderText>("KindAiAgent"),
        _ => Texts.Get<BuilderText>("KindManual"),
    };

    public static string Icon(TaskType type) => type switch
    {
        TaskType.AUTOMATION => Icons.Material.Filled.Bolt,
        TaskType.DECISION => Icons.Material.Filled.CallSplit,
        TaskType.AI_AGENT => Icons.Material.Filled.SmartToy,
        _ => Icons.Material.Filled.TaskAlt,
    };

    public static string Anchor(DueDateType type) => type switch
    {
        DueDateType.WORKFLOW_STARTED => Texts.Get<BuilderText>("AnchorWorkflowStarted"),
        DueDateType.TASK_FINISHED => Texts.Get<BuilderText>("AnchorTaskFinished"),
        DueDateType.PHASE_FINISHED => Texts.Get<BuilderText>("AnchorPhaseFinished"),
        DueDateType.A_PRECEDING_TASK_COMPLETED => Texts.Get<BuilderText>("AnchorPrecedingTaskCompleted"),
        _ => Texts.Get<BuilderText>("AnchorAllPrecedingTasksCompleted"),
    };

    public static string Operator(Operator op) => op switch
    {
        Core.Flows.Templates.Operator.Equal => Texts.Get<BuilderText>("OperatorEquals"),
        Core.Flows.Templates.Operator.NotEquals => Texts.Get<BuilderText>("OperatorNotEquals"),
        Core.Flows.Templates.Operator.AnyOf => Texts.Get<BuilderText>("OperatorAnyOf"),
        Core.Flows.Templates.Operator.NoneOf => Texts.Get<BuilderText>("OperatorNoneOf"),
        Core.Flows.Templates.Operator.Contains => Texts.Get<BuilderText>("OperatorContains"),
        Core.Flows.Templates.Operator.NotContains => Texts.Get<BuilderText>("OperatorNotContains"),
        Core.Flows.Templates.Operator.StartsWith => Texts.Get<BuilderText>("OperatorStartsWith"),
        Core.Flows.Templates.Operator.EndsWith => Texts.Get<BuilderText>("OperatorEndsWith"),
        Core.Flows.Templates.Operator.GreaterThan => Texts.Get<BuilderText>("OperatorGreaterThan"),
        Core.Flows.Templates.Operator.LessThan => Texts.Get<BuilderText>("OperatorLessThan"),
        Core.Flows.Templates.Operator.GreaterThanOrEquals => Texts.Get<BuilderText>("OperatorAtLeast"),
        Core.Flows.Templates.Operator.LessThanOrEquals => Texts.Get<BuilderText>("OperatorAtMost"),
        Core.Flows.Templates.Operator.IsEmpty => Texts.Get<BuilderText>("OperatorIsEmpty"),
        _ => Texts.Get<BuilderText>("OperatorIsNotEmpty"),
    };

    /// <summary>Operators that compare with no value, and those that take a list.</summary>
    public static bool TakesNoValue(Operator op) => op is Core.Flows.Templates.Operator.IsEmpty or Core.Flows.Templates.Operator.IsNotEmpty;

    public static string SyncEvent(EntitySyncEvent e) => e switch
    {
        EntitySyncEvent.FlowStarted => Texts.Get<BuilderText>("SyncFlowStarted"),
        EntitySyncEvent.FlowCompleted => Texts.Get<BuilderText>("SyncFlowCompleted"),
        EntitySyncEvent.FlowCancelled => Texts.Get<BuilderText>("SyncFlowCancelled"),
        EntitySyncEvent.FlowReopened => Texts.Get<BuilderText>("SyncFlowReopened"),
        EntitySyncEvent.FlowDeleted => Texts.Get<BuilderText>("SyncFlowDeleted"),
        EntitySyncEvent.FlowAssigned => Texts.Get<BuilderText>("SyncFlowAssigned"),
        EntitySyncEvent.FlowDueDateChanged => Texts.Get<BuilderText>("SyncFlowDueDateChanged"),
        EntitySyncEvent.FlowContextsChanged => Texts.Get<BuilderText>("SyncFlowContextsChanged"),
        EntitySyncEvent.TaskUpdated => Texts.Get<BuilderText>("SyncTaskUpdated"),
        EntitySyncEvent.CurrTaskChanged => Texts.Get<BuilderText>("SyncCurrTaskChanged"),
        EntitySyncEvent.TaskCompleted => Texts.Get<BuilderText>("SyncTaskCompleted"),
        EntitySyncEvent.TaskSkipped => Texts.Get<BuilderText>("SyncTaskSkipped"),
        EntitySyncEvent.TaskMarkedInProgress => Texts.Get<BuilderText>("SyncTaskInProgress"),
        EntitySyncEvent.TaskMarkedOnHold => Texts.Get<BuilderText>("SyncTaskOnHold"),
        EntitySyncEvent.PhaseUpdated => Texts.Get<BuilderText>("SyncPhaseUpdated"),
        EntitySyncEvent.PhaseCompleted => Texts.Get<BuilderText>("SyncPhaseCompleted"),
        EntitySyncEvent.PhaseSkipped => Texts.Get<BuilderText>("SyncPhaseSkipped"),
        _ => Texts.Get<BuilderText>("SyncPhaseInProgress"),
    };

    public static string SyncValue(EntitySyncValueSource source) => source switch
    {
        EntitySyncValueSource.WorkflowName => Texts.Get<BuilderText>("ValueWorkflowName"),
        EntitySyncValueSource.WorkflowStatus => Texts.Get<BuilderText>("ValueWorkflowStatus"),
        EntitySyncValueSource.WorkflowAssignedTo => Texts.Get<BuilderText>("ValueWorkflowAssignees"),
        EntitySyncValueSource.TaskName => Texts.Get<BuilderText>("ValueTaskName"),
        EntitySyncValueSource.TaskStatus => Texts.Get<BuilderText>("ValueTaskStatus"),
        EntitySyncValueSource.TaskAssignedTo => Texts.Get<BuilderText>("ValueTaskAssignees"),
        EntitySyncValueSource.PhaseName => Texts.Get<BuilderText>("ValuePhaseName"),
        EntitySyncValueSource.PhaseStatus => Texts.Get<BuilderText>("ValuePhaseStatus"),
        EntitySyncValueSource.PhaseAssignedTo => Texts.Get<BuilderText>("ValuePhaseAssignees"),
        _ => Texts.Get<BuilderText>("ValueCustom"),
    };

    public static string UpdateSource(UpdateEntityAttributesSource source) => source switch
    {
        UpdateEntityAttributesSource.WorkflowStatus => Texts.Get<BuilderText>("ValueWorkflowStatus"),
        UpdateEntityAttributesSource.CurrentSection => Texts.Get<BuilderText>("ValueCurrentPhase"),
        _ => Texts.Get<BuilderText>("ValueCurrentTask"),
    };
}
