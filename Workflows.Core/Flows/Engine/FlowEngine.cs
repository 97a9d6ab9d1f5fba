using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// The workflow engine: pure, no I/O, no clock of its own.
/// <para>
/// Contract: <see cref="Apply"/> works <b>in place</b> on the execution it is given and returns
/// that same instance as <see cref="FlowResult.Execution"/>; callers that must keep the state
/// before the command pass a copy (a freshly loaded one usually is). A refused command returns
/// <see cref="FlowResult.Error"/> and leaves the execution exactly as it was. Every accepted
/// command raises <see cref="FlowExecution.Version"/> by one, sets <c>updated_at</c>, and lists
/// the tasks whose row changed in <see cref="FlowResult.ChangedTaskIds"/>.
/// </para>
/// <para>
/// The work per command is O(tasks + edges) times the number of settling passes (one more than
/// the length of the longest chain of tasks that move by themselves, usually two).
/// </para>
/// <para>
/// Inputs besides the command come in <see cref="EngineContext"/>: <c>now</c> from the caller's
/// <see cref="TimeProvider"/>, the acting user, the primary record's attributes and the time zone
/// for calendar due dates. Refusals are <see cref="FlowError"/> values, never exceptions.
/// </para>
/// </summary>
public static class FlowEngine
{
    /// <summary>Workflows started by automations started by workflows stop at this depth, with a visible reason, so a
    /// workflow and an automation that start each other cannot run forever.</summary>
    public const int MaxChainDepth = 10;

    /// <summary>
    /// Starts <paramref name="template"/> on the records of <paramref name="command"/> (only an enabled template, on at least one record): a new
    /// STARTED execution whose tasks are PENDING, with enabled, current tasks, variable assignees and
    /// WORKFLOW_STARTED due dates computed, reached automatic decisions evaluated and reached automatic
    /// automations SCHEDULED. The template is copied, never referenced mutably.
    /// </summary>
    public static FlowResult Start(FlowTemplate template, StartFlow command, EngineContext context)
    {
        if (!template.IsEnabled)
        {
            return FlowResult.Fail(FlowError.Invalid(RefusalText.Of("WorkflowDisabled", template.Name)));
        }

        if (command.Contexts.Count == 0)
        {
            return FlowResult.Fail(FlowError.Invalid(RefusalText.Of("WorkflowStartsOnRecord", template.Name)));
        }

        if (command.ExecutionChain is { Depth: > MaxChainDepth } chain)
        {
            return FlowResult.Fail(FlowError.Invalid(
                RefusalText.Of("AutomationChainTooDeep", template.Name, chain.Depth, MaxChainDepth)));
        }

        var now = context.Now;
        var startedBy = context.Actor.UserId;
        var contexts = command.Contexts.ToList();
        if (!contexts.Exists(c => c.IsPrimary == true))
        {
            contexts[0] = contexts[0] with { IsPrimary = true };
        }

        var execution = new FlowExecution
        {
            Id = command.ExecutionId,
            FlowTemplateId = template.Id,
            FlowTemplateRevision = template.Revision,
            OrgId = template.OrgId,
            Name = template.Name,
            CreatedAt = now,
            UpdatedAt = now,
            DueDate = template.DueDate,
            DueDateConfig = template.DueDateConfig,
            Status = WorkflowStatus.STARTED,
            AssignedTo = AssigneeResolver.Resolve(template.AssignedTo, context.Facts, startedBy),
            Analytics = new FlowAnalytics { StartedAt = now, StartedBy = startedBy },
            Contexts = contexts,
            Phases = (template.Phases ?? []).ConvertAll(p => new ExecutionPhase
            {
                Id = p.Id,
                TemplateId = p.Id,
                Name = p.Name,
                DueDate = p.DueDate,
                DueDateConfig = p.DueDateConfig,
                AssignedTo = AssigneeResolver.Resolve(p.AssignedTo, context.Facts, startedBy),
                Taxonomies = p.Taxonomies is null ? null : [.. p.Taxonomies],
                Ecp = p.Ecp,
                ExtensionData = p.ExtensionData is null ? null : new(p.ExtensionData),
                UpdatedAt = now,
            }),
            Tasks = template.Tasks.ConvertAll(t =>
            {
                var task = ExecutionTask.FromTemplate(t, now);
                task.AssignedTo = AssigneeResolver.Resolve(task.AssignedTo, context.Facts, startedBy);
                return task;
            }),
            Edges = [.. template.Edges],
            ExecutionChain = command.ExecutionChain,
            ClosingReason = new FlowClosingReason
            {
                ConfiguredReasons = (template.ClosingReasons ?? []).ConvertAll(r => new ClosingReasonRef { Id = r.Id, Title = r.Title }),
            },
            AvailableInEcp = template.AvailableInEcp,
            EntitySync = template.EntitySync is null ? null : [.. template.EntitySync],
            UpdateEntityAttributes = template.UpdateEntityAttributes is null ? null : [.. template.UpdateEntityAttributes],
            Taxonomies = template.Taxonomies is null ? null : [.. template.Taxonomies],
            Trigger = command.Trigger ?? new ExecutionTrigger { Type = ExecutionTriggerType.MANUAL },
            SingleClosingReasonSelection = template.SingleClosingReasonSelection,
            Linear = template.Linear,
            Ecp = template.Ecp,
        };
        return new EngineRun(execution, context).Start();
    }

    /// <summary>
    /// Applies one command to a running execution, checking all before changing anything: see the class remarks for the
    /// in-place contract. Returns the changed execution, its events and the changed task ids, or a
    /// <see cref="FlowError"/> (NotFound, Invalid, Locked with what the task waits for, Conflict).
    /// </summary>
    public static FlowResult Apply(FlowExecution execution, FlowCommand command, EngineContext context) =>
        new EngineRun(execution, context).Apply(command);

    /// <summary>
    /// Every command a person could send for <paramref name="taskId"/> now, each with the engine's verdict: allowed, or
    /// the refusal <see cref="Apply"/> would give (locked with what it waits for, not applicable, already done). Leaves
    /// <paramref name="execution"/> untouched. Empty when the task does not exist.
    /// </summary>
    public static IReadOnlyList<TaskCommandOption> Actions(FlowExecution execution, string taskId, EngineContext context) =>
        TaskCommands.Judge(execution, taskId, context);

    /// <summary>What keeps a task locked (unfinished required tasks and phases, by name); empty when it is enabled.</summary>
    public static IReadOnlyList<string> WaitsFor(FlowExecution execution, string taskId) =>
        new FlowGraph(execution).WaitingNames(taskId);
}
