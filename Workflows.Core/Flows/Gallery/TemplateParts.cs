using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Gallery;

/// <summary>Short names for the pieces the gallery templates are made of, so each template reads as its process.</summary>
internal static class TemplateParts
{
    public static Assignee EntityOwner => Assignee.FromVariable("{{entity.owner}}");

    public static Assignee WorkflowStarter => Assignee.FromVariable("{{workflow.started_by}}");

    public static TemplateTrigger ManualOn(string schema) => new()
    {
        Id = $"manual-{schema}",
        Type = TemplateTriggerType.Manual,
        EntitySchema = schema,
    };

    public static FlowPhase Phase(string id, string name) => new() { Id = id, Name = name };

    /// <summary>A phase the customer sees on the progress page, as <paramref name="customerLabel"/>.</summary>
    public static FlowPhase CustomerPhase(string id, string name, string customerLabel, string? customerDescription = null) =>
        new() { Id = id, Name = name, Ecp = ShownAs(customerLabel, customerDescription) };

    /// <summary>Shown to the customer on the progress page under <paramref name="label"/>.</summary>
    public static EcpDetails ShownAs(string label, string? description = null) => new() { Enabled = true, Label = label, Description = description };

    public static TaskDescription Markdown(string text) => new() { Enabled = true, Value = text };

    public static EnableRequirement TaskFinished(string taskId) => new() { TaskId = taskId, When = RequirementWhen.TASK_FINISHED };

    public static EnableRequirement PhaseFinished(string phaseId) => new() { PhaseId = phaseId, When = RequirementWhen.PHASE_FINISHED };

    public static DueDateConfig AfterStart(double duration, TimeUnit unit) =>
        new() { Duration = duration, Unit = unit, Type = DueDateType.WORKFLOW_STARTED };

    public static DueDateConfig AfterTask(double duration, TimeUnit unit, string taskId) =>
        new() { Duration = duration, Unit = unit, Type = DueDateType.TASK_FINISHED, TaskId = taskId };

    public static DueDateConfig AfterPhase(double duration, TimeUnit unit, string phaseId) =>
        new() { Duration = duration, Unit = unit, Type = DueDateType.PHASE_FINISHED, PhaseId = phaseId };

    public static DueDateConfig AfterAPrecedingTask(double duration, TimeUnit unit) =>
        new() { Duration = duration, Unit = unit, Type = DueDateType.A_PRECEDING_TASK_COMPLETED };

    public static DueDateConfig AfterAllPrecedingTasks(double duration, TimeUnit unit) =>
        new() { Duration = duration, Unit = unit, Type = DueDateType.ALL_PRECEDING_TASKS_COMPLETED };

    public static FlowEdge Edge(string fromId, string toId) => new() { Id = $"{fromId}->{toId}", FromId = fromId, ToId = toId };

    public static FlowEdge BranchEdge(string decisionId, string conditionId, string toId) =>
        new() { Id = $"{conditionId}->{toId}", FromId = decisionId, ToId = toId, ConditionId = conditionId };

    public static FlowEdge DefaultEdge(string decisionId, string toId) =>
        new() { Id = $"{decisionId}-none-met->{toId}", FromId = decisionId, ToId = toId, NoneMet = true };

    public static Condition Branch(string id, string name, params Statement[] statements) =>
        new() { Id = id, BranchName = name, LogicalOperator = LogicalOperator.AND, Statements = statements };

    /// <summary>A branch a user picks by hand: it has no statements to evaluate.</summary>
    public static Condition ChoiceBranch(string id, string name) =>
        new() { Id = id, BranchName = name, LogicalOperator = LogicalOperator.AND, Statements = [] };

    public static Statement Attribute(string id, string schema, string attribute, string attributeType, Operator op, params string[] values) => new()
    {
        Id = id,
        Source = new EvaluationSource
        {
            Origin = "trigger",
            OriginType = "entity",
            Schema = schema,
            Attribute = attribute,
            AttributeType = attributeType,
        },
        Operator = op,
        Values = values,
        ValueType = StatementValueType.Static,
    };

    /// <summary>Reasons from the closing-reason catalogue, titled as the catalogue titles them.</summary>
    public static List<ClosingReasonRef> ClosingReasonList(params string[] ids) =>
    [
        .. ids.Select(id => new ClosingReasonRef
        {
            Id = id,
            Title = GalleryCatalogue.ClosingReasons.Single(r => r.Id == id).Title,
        }),
    ];

    /// <summary>The events that change a workflow's status: a record mirroring the status listens to all of them.</summary>
    private static readonly EntitySyncEvent[] StatusChanges =
        [EntitySyncEvent.FlowStarted, EntitySyncEvent.FlowCompleted, EntitySyncEvent.FlowCancelled, EntitySyncEvent.FlowReopened];

    /// <summary>Keeps the workflow's status (STARTED, DONE, CLOSED) in the record's <paramref name="attribute"/>, through every change of it.</summary>
    public static IEnumerable<EntitySync> StatusSync(string schema, string attribute) =>
        StatusChanges.Select(e => StatusInto(schema, attribute, e));

    /// <summary>Writes the workflow's status (STARTED, DONE, CLOSED) into the record on <paramref name="event"/>.</summary>
    private static EntitySync StatusInto(string schema, string attribute, EntitySyncEvent @event) => new()
    {
        Trigger = new EntitySyncTrigger { Event = @event },
        Value = new EntitySyncValue { Source = EntitySyncValueSource.WorkflowStatus },
        Target = new EntityAttributeTarget { EntitySchema = schema, EntityAttribute = attribute },
    };

    /// <summary>Writes a fixed value into the record when the task <paramref name="taskId"/> is completed.</summary>
    public static EntitySync ValueOnTaskCompleted(string taskId, string value, string schema, string attribute) => new()
    {
        Trigger = new EntitySyncTrigger
        {
            Event = EntitySyncEvent.TaskCompleted,
            Filter = new EntitySyncFilter { TaskTemplateId = taskId },
        },
        Value = new EntitySyncValue { Source = EntitySyncValueSource.CustomValue, Value = value },
        Target = new EntityAttributeTarget { EntitySchema = schema, EntityAttribute = attribute },
    };
}
