using MudBlazor;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

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
        TemplateTriggerType.Manual => Languages.Text<BuilderText>("TriggerManual"),
        TemplateTriggerType.Automation => Languages.Text<BuilderText>("TriggerAutomation"),
        TemplateTriggerType.JourneySubmission => Languages.Text<BuilderText>("TriggerJourneySubmission"),
        _ => type.ToString(),
    };

    /// <summary>The label of an edge leaving a decision: its branch, or "None met"; null for an edge from any other task.</summary>
    public static string? Branch(FlowTask from, FlowEdge edge) =>
        from.TaskType != TaskType.DECISION ? null
        : edge.NoneMet == true ? Languages.Text<BuilderText>("BranchNoneMet")
        : from.Conditions?.Find(c => c.Id == edge.ConditionId)?.BranchName is { Length: > 0 } name ? name : Languages.Text<BuilderText>("NoBranch");

    /// <summary>An assignee variable in words: who started the workflow, or the record's user attribute it reads.</summary>
    public static string Variable(string? variable, Core.Entities.EntitySchema? schema)
    {
        if (variable == "{{workflow.started_by}}")
        {
            return Languages.Text<BuilderText>("VariableStartedBy");
        }

        var attribute = variable?.Trim('{', '}') is { } expression && expression.StartsWith("entity.", StringComparison.Ordinal)
            ? schema?.Attributes.FirstOrDefault(a => a.Name == expression["entity.".Length..])
            : null;
        return attribute is null ? variable ?? "" : Languages.Text<BuilderText>("VariableAttribute", Languages.InSentence(attribute.Label), variable!);
    }

    /// <summary>A task's or phase's name as the canvas, its panels and the export show it: "(no name)" while it has none.</summary>
    public static string Name(string? name) => string.IsNullOrWhiteSpace(name) ? Languages.Text<BuilderText>("NoName") : name;

    public static string Kind(TaskType type) => type switch
    {
        TaskType.AUTOMATION => Languages.Text<BuilderText>("KindAutomation"),
        TaskType.DECISION => Languages.Text<BuilderText>("KindDecision"),
        TaskType.AI_AGENT => Languages.Text<BuilderText>("KindAiAgent"),
        _ => Languages.Text<BuilderText>("KindManual"),
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
        DueDateType.WORKFLOW_STARTED => Languages.Text<BuilderText>("AnchorWorkflowStarted"),
        DueDateType.TASK_FINISHED => Languages.Text<BuilderText>("AnchorTaskFinished"),
        DueDateType.PHASE_FINISHED => Languages.Text<BuilderText>("AnchorPhaseFinished"),
        DueDateType.A_PRECEDING_TASK_COMPLETED => Languages.Text<BuilderText>("AnchorPrecedingTaskCompleted"),
        _ => Languages.Text<BuilderText>("AnchorAllPrecedingTasksCompleted"),
    };

    public static string Operator(Operator op) => op switch
    {
        Core.Flows.Templates.Operator.Equal => Languages.Text<BuilderText>("OperatorEquals"),
        Core.Flows.Templates.Operator.NotEquals => Languages.Text<BuilderText>("OperatorNotEquals"),
        Core.Flows.Templates.Operator.AnyOf => Languages.Text<BuilderText>("OperatorAnyOf"),
        Core.Flows.Templates.Operator.NoneOf => Languages.Text<BuilderText>("OperatorNoneOf"),
        Core.Flows.Templates.Operator.Contains => Languages.Text<BuilderText>("OperatorContains"),
        Core.Flows.Templates.Operator.NotContains => Languages.Text<BuilderText>("OperatorNotContains"),
        Core.Flows.Templates.Operator.StartsWith => Languages.Text<BuilderText>("OperatorStartsWith"),
        Core.Flows.Templates.Operator.EndsWith => Languages.Text<BuilderText>("OperatorEndsWith"),
        Core.Flows.Templates.Operator.GreaterThan => Languages.Text<BuilderText>("OperatorGreaterThan"),
        Core.Flows.Templates.Operator.LessThan => Languages.Text<BuilderText>("OperatorLessThan"),
        Core.Flows.Templates.Operator.GreaterThanOrEquals => Languages.Text<BuilderText>("OperatorAtLeast"),
        Core.Flows.Templates.Operator.LessThanOrEquals => Languages.Text<BuilderText>("OperatorAtMost"),
        Core.Flows.Templates.Operator.IsEmpty => Languages.Text<BuilderText>("OperatorIsEmpty"),
        _ => Languages.Text<BuilderText>("OperatorIsNotEmpty"),
    };

    /// <summary>Operators that compare with no value, and those that take a list.</summary>
    public static bool TakesNoValue(Operator op) => op is Core.Flows.Templates.Operator.IsEmpty or Core.Flows.Templates.Operator.IsNotEmpty;

    public static string SyncEvent(EntitySyncEvent e) => e switch
    {
        EntitySyncEvent.FlowStarted => Languages.Text<BuilderText>("SyncFlowStarted"),
        EntitySyncEvent.FlowCompleted => Languages.Text<BuilderText>("SyncFlowCompleted"),
        EntitySyncEvent.FlowCancelled => Languages.Text<BuilderText>("SyncFlowCancelled"),
        EntitySyncEvent.FlowReopened => Languages.Text<BuilderText>("SyncFlowReopened"),
        EntitySyncEvent.FlowDeleted => Languages.Text<BuilderText>("SyncFlowDeleted"),
        EntitySyncEvent.FlowAssigned => Languages.Text<BuilderText>("SyncFlowAssigned"),
        EntitySyncEvent.FlowDueDateChanged => Languages.Text<BuilderText>("SyncFlowDueDateChanged"),
        EntitySyncEvent.FlowContextsChanged => Languages.Text<BuilderText>("SyncFlowContextsChanged"),
        EntitySyncEvent.TaskUpdated => Languages.Text<BuilderText>("SyncTaskUpdated"),
        EntitySyncEvent.CurrTaskChanged => Languages.Text<BuilderText>("SyncCurrTaskChanged"),
        EntitySyncEvent.TaskCompleted => Languages.Text<BuilderText>("SyncTaskCompleted"),
        EntitySyncEvent.TaskSkipped => Languages.Text<BuilderText>("SyncTaskSkipped"),
        EntitySyncEvent.TaskMarkedInProgress => Languages.Text<BuilderText>("SyncTaskInProgress"),
        EntitySyncEvent.TaskMarkedOnHold => Languages.Text<BuilderText>("SyncTaskOnHold"),
        EntitySyncEvent.PhaseUpdated => Languages.Text<BuilderText>("SyncPhaseUpdated"),
        EntitySyncEvent.PhaseCompleted => Languages.Text<BuilderText>("SyncPhaseCompleted"),
        EntitySyncEvent.PhaseSkipped => Languages.Text<BuilderText>("SyncPhaseSkipped"),
        _ => Languages.Text<BuilderText>("SyncPhaseInProgress"),
    };

    public static string SyncValue(EntitySyncValueSource source) => source switch
    {
        EntitySyncValueSource.WorkflowName => Languages.Text<BuilderText>("ValueWorkflowName"),
        EntitySyncValueSource.WorkflowStatus => Languages.Text<BuilderText>("ValueWorkflowStatus"),
        EntitySyncValueSource.WorkflowAssignedTo => Languages.Text<BuilderText>("ValueWorkflowAssignees"),
        EntitySyncValueSource.TaskName => Languages.Text<BuilderText>("ValueTaskName"),
        EntitySyncValueSource.TaskStatus => Languages.Text<BuilderText>("ValueTaskStatus"),
        EntitySyncValueSource.TaskAssignedTo => Languages.Text<BuilderText>("ValueTaskAssignees"),
        EntitySyncValueSource.PhaseName => Languages.Text<BuilderText>("ValuePhaseName"),
        EntitySyncValueSource.PhaseStatus => Languages.Text<BuilderText>("ValuePhaseStatus"),
        EntitySyncValueSource.PhaseAssignedTo => Languages.Text<BuilderText>("ValuePhaseAssignees"),
        _ => Languages.Text<BuilderText>("ValueCustom"),
    };

    public static string UpdateSource(UpdateEntityAttributesSource source) => source switch
    {
        UpdateEntityAttributesSource.WorkflowStatus => Languages.Text<BuilderText>("ValueWorkflowStatus"),
        UpdateEntityAttributesSource.CurrentSection => Languages.Text<BuilderText>("ValueCurrentPhase"),
        _ => Languages.Text<BuilderText>("ValueCurrentTask"),
    };
}
