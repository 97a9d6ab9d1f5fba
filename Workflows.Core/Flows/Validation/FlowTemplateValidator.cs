using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;

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
            Add("The workflow needs a name.", ValidationItemKind.Workflow, null);
        }
        else if (template.Name.Length > MaxNameLength)
        {
            Add($"The workflow's name is longer than {MaxNameLength} characters.", ValidationItemKind.Workflow, null);
        }

        if (template.Id is { Length: > MaxIdLength })
        {
            Add($"The workflow's id is longer than {MaxIdLength} characters.", ValidationItemKind.Workflow, null);
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
                Add($"Phase '{phase.Name}' has no id.", ValidationItemKind.Phase, phase.Id);
                continue;
            }

            if (!phaseById.TryAdd(phase.Id, phase))
            {
                Add($"Two phases share the id '{phase.Id}'.", ValidationItemKind.Phase, phase.Id);
            }

            if (string.IsNullOrWhiteSpace(phase.Name))
            {
                Add($"Phase '{phase.Id}' needs a name.", ValidationItemKind.Phase, phase.Id);
            }

            CheckLengths("Phase", phase.Id, phase.Name, ValidationItemKind.Phase, Add);
        }

        var taskById = new Dictionary<string, FlowTask>(StringComparer.Ordinal);
        foreach (var task in template.Tasks)
        {
            if (string.IsNullOrWhiteSpace(task.Id))
            {
                Add($"Task '{task.Name}' has no id.", ValidationItemKind.Task, task.Id);
                continue;
            }

            if (!taskById.TryAdd(task.Id, task))
            {
                Add($"Two tasks share the id '{task.Id}'.", ValidationItemKind.Task, task.Id);
            }

            if (string.IsNullOrWhiteSpace(task.Name))
            {
                Add($"Task '{task.Id}' needs a name.", ValidationItemKind.Task, task.Id);
            }

            CheckLengths("Task", task.Id, task.Name, ValidationItemKind.Task, Add);
        }

        string Name(FlowTask task) => string.IsNullOrWhiteSpace(task.Name) ? task.Id : task.Name;

        foreach (var task in taskById.Values)
        {
            if (task.PhaseId is { } phaseId && !phaseById.ContainsKey(phaseId))
            {
                Add($"Task '{Name(task)}' is in phase '{phaseId}', which does not exist.", ValidationItemKind.Task, task.Id);
            }

            CheckRequirements(task, taskById, phaseById, Name, Add);
            CheckDueDate(task.DueDateConfig, $"'{Name(task)}'", task.Id, ValidationItemKind.Task, taskById, phaseById, Add);
            if (task.TaskType == TaskType.AUTOMATION && string.IsNullOrWhiteSpace(task.AutomationConfig?.FlowId))
            {
                Add($"Automation task '{Name(task)}' has no automation to run.", ValidationItemKind.Task, task.Id);
            }

            if (task.TaskType == TaskType.DECISION)
            {
                CheckDecision(task, Name(task), Add);
            }

            if (task.Priority is { } priority && TaskPriority.Problem(priority) is { } priorityProblem)
            {
                Add($"Task '{Name(task)}': {priorityProblem}", ValidationItemKind.Task, task.Id);
            }
        }

        CheckAssignees(template.AssignedTo, "the workflow", null, ValidationItemKind.Workflow, Add);
        foreach (var phase in phases)
        {
            CheckAssignees(phase.AssignedTo, $"phase '{phase.Name}'", phase.Id, ValidationItemKind.Phase, Add);
        }

        foreach (var task in taskById.Values)
        {
            CheckAssignees(task.AssignedTo, $"'{Name(task)}'", task.Id, ValidationItemKind.Task, Add);
        }

        CheckDueDate(template.DueDateConfig, "the workflow", null, ValidationItemKind.Workflow, taskById, phaseById, Add);
        foreach (var phase in phaseById.Values)
        {
            CheckDueDate(phase.DueDateConfig, $"phase '{phase.Name}'", phase.Id, ValidationItemKind.Phase, taskById, phaseById, Add);
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
                problems.Add(new ValidationProblem($"Automation task '{name}' runs automation '{flowId}', which does not exist.", ValidationItemKind.Task, task.Id));
            }

            if (task.Journey?.JourneyId is { } journeyId && !journeyIds.Contains(journeyId))
            {
                problems.Add(new ValidationProblem($"Task '{name}' opens journey '{journeyId}', which does not exist.", ValidationItemKind.Task, task.Id));
            }
        }

        if (template.Trigger is { } trigger)
        {
            if (trigger.Type == TemplateTriggerType.JourneySubmission && trigger.JourneyId is { } journeyId && !journeyIds.Contains(journeyId))
            {
                problems.Add(new ValidationProblem($"The workflow starts on submissions of journey '{journeyId}', which does not exist.", ValidationItemKind.Workflow, null));
            }

            if (trigger.Type == TemplateTriggerType.Automation && trigger.AutomationId is { } automationId && !automationIds.Contains(automationId))
            {
                problems.Add(new ValidationProblem($"The workflow is started by automation '{automationId}', which does not exist.", ValidationItemKind.Workflow, null));
            }
        }

        return problems;
    }

    private static void CheckAssignees(
        List<Assignee>? assignees, string owner, string? ownerId, ValidationItemKind kind, Action<string, ValidationItemKind, string?> add)
    {
        if (assignees?.Exists(a => (a.Id ?? a.Variable ?? "").Length is 0 or > MaxIdLength) == true)
        {
            add($"An assignee of {owner} is empty or longer than {MaxIdLength} characters.", kind, ownerId);
        }
    }

    private static void CheckLengths(string what, string id, string? name, ValidationItemKind kind, Action<string, ValidationItemKind, string?> add)
    {
        if (id.Length > MaxIdLength)
        {
            add($"{what} id '{id[..20]}…' is longer than {MaxIdLength} characters.", kind, id[..MaxIdLength]);
        }

        if (name?.Length > MaxNameLength)
        {
            add($"{what} '{name[..20]}…' has a name longer than {MaxNameLength} characters.", kind, id.Length > MaxIdLength ? id[..MaxIdLength] : id);
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
                    add($"A requirement of '{name(task)}' names no task.", ValidationItemKind.Task, task.Id);
                }
                else if (r.TaskId == task.Id)
                {
                    add($"'{name(task)}' cannot require itself.", ValidationItemKind.Task, task.Id);
                }
                else if (!taskById.ContainsKey(r.TaskId))
                {
                    add($"'{name(task)}' requires task '{r.TaskId}', which does not exist.", ValidationItemKind.Task, task.Id);
                }
            }
            else if (r.PhaseId is null || !phaseById.TryGetValue(r.PhaseId, out var phase))
            {
                add($"'{name(task)}' requires phase '{r.PhaseId}', which does not exist.", ValidationItemKind.Task, task.Id);
            }
            else if (phase.Id == task.PhaseId)
            {
                add($"'{name(task)}' requires its own phase '{phase.Name}' to finish, so it could never start.", ValidationItemKind.Task, task.Id);
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
            add($"The due date of {owner} counts a negative duration.", kind, ownerId);
        }
        else if (!Engine.DueDateCalculator.IsInRange(config.Duration, config.Unit))
        {
            add($"The due date of {owner} lies more than {Engine.DueDateCalculator.MaxDays:0} days ahead; check the duration and unit.", kind, ownerId);
        }

        switch (config.Type)
        {
            case DueDateType.TASK_FINISHED when config.TaskId is null || !taskById.ContainsKey(config.TaskId):
                add($"The due date of {owner} counts from task '{config.TaskId}', which does not exist.", kind, ownerId);
                break;
            case DueDateType.TASK_FINISHED when kind == ValidationItemKind.Task && config.TaskId == ownerId:
                add($"The due date of {owner} counts from its own end.", kind, ownerId);
                break;
            case DueDateType.PHASE_FINISHED when config.PhaseId is null || !phaseById.ContainsKey(config.PhaseId):
                add($"The due date of {owner} counts from phase '{config.PhaseId}', which does not exist.", kind, ownerId);
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
            add($"Decision '{name}' has no branches.", ValidationItemKind.Task, decision.Id);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            if (!ids.Add(condition.Id))
            {
                add($"Decision '{name}' has two branches with the id '{condition.Id}'.", ValidationItemKind.Task, decision.Id);
            }

            if (string.IsNullOrWhiteSpace(condition.BranchName))
            {
                add($"Branch '{condition.Id}' of decision '{name}' needs a name.", ValidationItemKind.Task, decision.Id);
            }

            foreach (var statement in condition.Statements ?? [])
            {
                if (string.IsNullOrWhiteSpace(statement.Source?.Attribute))
                {
                    add($"A statement of branch '{condition.BranchName ?? condition.Id}' in decision '{name}' names no attribute.", ValidationItemKind.Task, decision.Id);
                }
            }
        }

        if (decision.LoopConfig is { } loop)
        {
            foreach (var branch in new[] { loop.LoopBranchId, loop.ExitBranchId })
            {
                if (branch is null || !ids.Contains(branch))
                {
                    add($"The loop of decision '{name}' names branch '{branch}', which '{name}' does not have.", ValidationItemKind.Task, decision.Id);
                }
            }

            if (loop.MaxIterations is < 1 or > MaxLoopIterations)
            {
                add($"The loop of decision '{name}' must run between 1 and {MaxLoopIterations} times, not {loop.MaxIterations}.", ValidationItemKind.Task, decision.Id);
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
                add($"Closing reason '{reason.Title ?? reason.Id}' does not exist.", ValidationItemKind.ClosingReason, reason.Id);
            }
            else if (known.Status != ClosingReasonStatus.ACTIVE)
            {
                add($"Closing reason '{known.Title}' is inactive.", ValidationItemKind.ClosingReason, reason.Id);
            }
        }
    }
}
