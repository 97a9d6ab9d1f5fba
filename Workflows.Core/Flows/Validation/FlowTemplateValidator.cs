using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Validation;

/// <summary>
/// Checks a template before it is saved or published. Returns every problem found, each naming
/// the offending item in words and by id; an empty list means the template can run.
/// </summary>
public static partial class FlowTemplateValidator
{
    public const int MaxLoopIterations = 100;

    /// <summary>Longest id of a template, phase or task: ids are stored in indexed columns of this size.</summary>
    public const int MaxIdLength = 64;

    public const int MaxNameLength = 200;

    /// <param name="template">The template as the builder or the API sent it.</param>
    /// <param name="catalogue">The closing-reason catalogue; the template's reasons must exist in it and be ACTIVE.</param>
    public static IReadOnlyList<ValidationProblem> Validate(FlowTemplate template, IReadOnlyCollection<ClosingReason> catalogue)
    {
        var problems = new List<ValidationProblem>();
        void Add(string message, ValidationItemKind kind, string? id) => problems.Add(new ValidationProblem(message, kind, id));

        if (string.IsNullOrWhiteSpace(template.Name))
        {
            Add(RefusalText.Of("TemplateNameMissing"), ValidationItemKind.Workflow, null);
        }
        else if (template.Name.Length > MaxNameLength)
        {
            Add(RefusalText.Of("TemplateNameTooLong", MaxNameLength), ValidationItemKind.Workflow, null);
        }

        if (template.Id is { Length: > MaxIdLength })
        {
            Add(RefusalText.Of("TemplateIdTooLong", MaxIdLength), ValidationItemKind.Workflow, null);
        }

        foreach (var problem in TemplateLabels.Problems(template.Taxonomies))
        {
            Add(problem, ValidationItemKind.Workflow, null);
        }

        var phases = template.Phases ?? [];
        var phaseById = new Dictionary<string, FlowPhase>(StringComparer.Ordinal);
        foreach (var phase in phases)
        {
            if (string.IsNullOrWhiteSpace(phase.Id))
            {
                Add(RefusalText.Of("PhaseIdMissing", phase.Name), ValidationItemKind.Phase, phase.Id);
                continue;
            }

            if (!phaseById.TryAdd(phase.Id, phase))
            {
                Add(RefusalText.Of("PhaseIdTwice", phase.Id), ValidationItemKind.Phase, phase.Id);
            }

            if (string.IsNullOrWhiteSpace(phase.Name))
            {
                Add(RefusalText.Of("PhaseNameMissing", phase.Id), ValidationItemKind.Phase, phase.Id);
            }

            CheckLengths(RefusalText.Of("ItemPhase"), phase.Id, phase.Name, ValidationItemKind.Phase, Add);
        }

        var taskById = new Dictionary<string, FlowTask>(StringComparer.Ordinal);
        foreach (var task in template.Tasks)
        {
            if (string.IsNullOrWhiteSpace(task.Id))
            {
                Add(RefusalText.Of("TaskIdMissing", task.Name), ValidationItemKind.Task, task.Id);
                continue;
            }

            if (!taskById.TryAdd(task.Id, task))
            {
                Add(RefusalText.Of("TaskIdTwice", task.Id), ValidationItemKind.Task, task.Id);
            }

            if (string.IsNullOrWhiteSpace(task.Name))
            {
                Add(RefusalText.Of("TaskNeedsName", task.Id), ValidationItemKind.Task, task.Id);
            }

            CheckLengths(RefusalText.Of("ItemTask"), task.Id, task.Name, ValidationItemKind.Task, Add);
        }

        string Name(FlowTask task) => string.IsNullOrWhiteSpace(task.Name) ? task.Id : task.Name;

        foreach (var task in taskById.Values)
        {
            if (task.PhaseId is { } phaseId && !phaseById.ContainsKey(phaseId))
            {
                Add(RefusalText.Of("TaskPhaseUnknown", Name(task), phaseId), ValidationItemKind.Task, task.Id);
            }

            CheckRequirements(task, taskById, phaseById, Name, Add);
            CheckDueDate(task.DueDateConfig, RefusalText.Of("OwnerTask", Name(task)), task.Id, ValidationItemKind.Task, taskById, phaseById, Add);
            if (task.TaskType == TaskType.AUTOMATION && string.IsNullOrWhiteSpace(task.AutomationConfig?.FlowId))
            {
                Add(RefusalText.Of("AutomationTaskWithout", Name(task)), ValidationItemKind.Task, task.Id);
            }

            if (task.TaskType == TaskType.DECISION)
            {
                CheckDecision(task, Name(task), Add);
            }

            if (task.Priority is { } priority && TaskPriority.Problem(priority) is { } priorityProblem)
            {
                Add(RefusalText.Of("TaskProblem", Name(task), priorityProblem), ValidationItemKind.Task, task.Id);
            }
        }

        CheckAssignees(template.AssignedTo, RefusalText.Of("OwnerWorkflow"), null, ValidationItemKind.Workflow, Add);
        foreach (var phase in phases)
        {
            CheckAssignees(phase.AssignedTo, RefusalText.Of("OwnerPhase", phase.Name), phase.Id, ValidationItemKind.Phase, Add);
        }

        foreach (var task in taskById.Values)
        {
            CheckAssignees(task.AssignedTo, RefusalText.Of("OwnerTask", Name(task)), task.Id, ValidationItemKind.Task, Add);
        }

        CheckDueDate(template.DueDateConfig, RefusalText.Of("OwnerWorkflow"), null, ValidationItemKind.Workflow, taskById, phaseById, Add);
        foreach (var phase in phaseById.Values)
        {
            CheckDueDate(phase.DueDateConfig, RefusalText.Of("OwnerPhase", phase.Name), phase.Id, ValidationItemKind.Phase, taskById, phaseById, Add);
        }

        CheckEdges(template, taskById, Name, Add);
        CheckRequirementCycles(taskById, Name, Add);
        CheckEdgeCycles(template, taskById, Name, Add);
        CheckClosingReasons(template, catalogue, Add);
        return problems;
    }

    /// <summary>
    /// The automations and journeys the template names that are not among the known ones (deleted since, or mistyped).
    /// Kept apart from <see cref="Validate"/> so the validator stays pure: the caller brings the ids it loaded.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> CheckReferences(
        FlowTemplate template, IReadOnlyCollection<string> automationIds, IReadOnlyCollection<string> journeyIds)
    {
        var problems = new List<ValidationProblem>();
        foreach (var task in template.Tasks)
        {
            var name = string.IsNullOrWhiteSpace(task.Name) ? task.Id : task.Name;
            if (task.TaskType == TaskType.AUTOMATION && task.AutomationConfig?.FlowId is { } flowId && !automationIds.Contains(flowId))
            {
                problems.Add(new ValidationProblem(RefusalText.Of("AutomationTaskUnknown", name, flowId), ValidationItemKind.Task, task.Id));
            }

            if (task.Journey?.JourneyId is { } journeyId && !journeyIds.Contains(journeyId))
            {
                problems.Add(new ValidationProblem(RefusalText.Of("TaskJourneyUnknown", name, journeyId), ValidationItemKind.Task, task.Id));
            }
        }

        if (template.Trigger is { } trigger)
        {
            if (trigger.Type == TemplateTriggerType.JourneySubmission && trigger.JourneyId is { } journeyId && !journeyIds.Contains(journeyId))
            {
                problems.Add(new ValidationProblem(RefusalText.Of("TriggerJourneyUnknown", journeyId), ValidationItemKind.Workflow, null));
            }

            if (trigger.Type == TemplateTriggerType.Automation && trigger.AutomationId is { } automationId && !automationIds.Contains(automationId))
            {
                problems.Add(new ValidationProblem(RefusalText.Of("TriggerAutomationUnknown", automationId), ValidationItemKind.Workflow, null));
            }
        }

        return problems;
    }

    private static void CheckAssignees(
        List<Assignee>? assignees, string owner, string? ownerId, ValidationItemKind kind, Action<string, ValidationItemKind, string?> add)
    {
        if (assignees?.Exists(a => (a.Id ?? a.Variable ?? "").Length is 0 or > MaxIdLength) == true)
        {
            add(RefusalText.Of("AssigneeInvalid", owner, MaxIdLength), kind, ownerId);
        }
    }

    private static void CheckLengths(string what, string id, string? name, ValidationItemKind kind, Action<string, ValidationItemKind, string?> add)
    {
        if (id.Length > MaxIdLength)
        {
            add(RefusalText.Of("ItemIdTooLong", what, id[..20], MaxIdLength), kind, id[..MaxIdLength]);
        }

        if (name?.Length > MaxNameLength)
        {
            add(RefusalText.Of("ItemNameTooLong", what, name[..20], MaxNameLength), kind, id.Length > MaxIdLength ? id[..MaxIdLength] : id);
        }
    }

    private static void CheckRequirements(
        FlowTask task,
        Dictionary<string, FlowTask> taskById,
        Dictionary<string, FlowPhase> phaseById,
        Func<FlowTask, string> name,
        Action<string, ValidationItemKind, string?> add)
    {
        foreach (var r in task.Requirements ?? [])
        {
            if (r.When == RequirementWhen.TASK_FINISHED)
            {
                if (string.IsNullOrWhiteSpace(r.TaskId))
                {
                    add(RefusalText.Of("RequirementNamesNoTask", name(task)), ValidationItemKind.Task, task.Id);
                }
                else if (r.TaskId == task.Id)
                {
                    add(RefusalText.Of("RequiresItself", name(task)), ValidationItemKind.Task, task.Id);
                }
                else if (!taskById.ContainsKey(r.TaskId))
                {
                    add(RefusalText.Of("RequiresUnknownTask", name(task), r.TaskId), ValidationItemKind.Task, task.Id);
                }
            }
            else if (r.PhaseId is null || !phaseById.TryGetValue(r.PhaseId, out var phase))
            {
                add(RefusalText.Of("RequiresUnknownPhase", name(task), r.PhaseId), ValidationItemKind.Task, task.Id);
            }
            else if (phase.Id == task.PhaseId)
            {
                add(RefusalText.Of("RequiresOwnPhase", name(task), phase.Name), ValidationItemKind.Task, task.Id);
            }
        }
    }

    private static void CheckDueDate(
        DueDateConfig? config,
        string owner,
        string? ownerId,
        ValidationItemKind kind,
        Dictionary<string, FlowTask> taskById,
        Dictionary<string, FlowPhase> phaseById,
        Action<string, ValidationItemKind, string?> add)
    {
        if (config is null)
        {
            return;
        }

        if (config.Duration < 0)
        {
            add(RefusalText.Of("DueDateNegative", owner), kind, ownerId);
        }
        else if (!Engine.DueDateCalculator.IsInRange(config.Duration, config.Unit))
        {
            add(RefusalText.Of("DueDateTooFarAhead", owner, Engine.DueDateCalculator.MaxDays), kind, ownerId);
        }

        switch (config.Type)
        {
            case DueDateType.TASK_FINISHED when config.TaskId is null || !taskById.ContainsKey(config.TaskId):
                add(RefusalText.Of("DueDateUnknownTask", owner, config.TaskId), kind, ownerId);
                break;
            case DueDateType.TASK_FINISHED when kind == ValidationItemKind.Task && config.TaskId == ownerId:
                add(RefusalText.Of("DueDateOwnEnd", owner), kind, ownerId);
                break;
            case DueDateType.PHASE_FINISHED when config.PhaseId is null || !phaseById.ContainsKey(config.PhaseId):
                add(RefusalText.Of("DueDateUnknownPhase", owner, config.PhaseId), kind, ownerId);
                break;
            default:
                break;
        }
    }

    private static void CheckDecision(FlowTask decision, string name, Action<string, ValidationItemKind, string?> add)
    {
        var conditions = decision.Conditions ?? [];
        if (conditions.Count == 0)
        {
            add(RefusalText.Of("DecisionNoBranches", name), ValidationItemKind.Task, decision.Id);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            if (!ids.Add(condition.Id))
            {
                add(RefusalText.Of("DecisionBranchIdTwice", name, condition.Id), ValidationItemKind.Task, decision.Id);
            }

            if (string.IsNullOrWhiteSpace(condition.BranchName))
            {
                add(RefusalText.Of("BranchNameMissing", condition.Id, name), ValidationItemKind.Task, decision.Id);
            }

            foreach (var statement in condition.Statements ?? [])
            {
                if (string.IsNullOrWhiteSpace(statement.Source?.Attribute))
                {
                    add(RefusalText.Of("StatementNoAttribute", condition.BranchName ?? condition.Id, name), ValidationItemKind.Task, decision.Id);
                }
            }
        }

        if (decision.LoopConfig is { } loop)
        {
            foreach (var branch in new[] { loop.LoopBranchId, loop.ExitBranchId })
            {
                if (branch is null || !ids.Contains(branch))
                {
                    add(RefusalText.Of("LoopUnknownBranch", name, branch, name), ValidationItemKind.Task, decision.Id);
                }
            }

            if (loop.MaxIterations is < 1 or > MaxLoopIterations)
            {
                add(RefusalText.Of("LoopIterationsRange", name, MaxLoopIterations, loop.MaxIterations), ValidationItemKind.Task, decision.Id);
            }
        }
    }

    private static void CheckClosingReasons(FlowTemplate template, IReadOnlyCollection<ClosingReason> catalogue, Action<string, ValidationItemKind, string?> add)
    {
        foreach (var reason in template.ClosingReasons ?? [])
        {
            var known = catalogue.FirstOrDefault(c => c.Id == reason.Id);
            if (known is null)
            {
                add(RefusalText.Of("ClosingReasonUnknown", reason.Title ?? reason.Id), ValidationItemKind.ClosingReason, reason.Id);
            }
            else if (known.Status != ClosingReasonStatus.ACTIVE)
            {
                add(RefusalText.Of("ClosingReasonInactive", known.Title), ValidationItemKind.ClosingReason, reason.Id);
            }
        }
    }
}
