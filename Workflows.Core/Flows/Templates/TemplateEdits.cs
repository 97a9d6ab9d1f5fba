namespace Workflows.Core.Flows.Templates;

/// <summary>
/// What a new piece of a template looks like when someone adds it (a task, a phase, an edge, a decision branch, a
/// statement, a loop) and what removing one takes with it. Pure, so the builder's defaults are written and tested once.
/// </summary>
public static class TemplateEdits
{
    /// <summary>Statements about the record the workflow runs on (the trigger's entity).</summary>
    private static EvaluationSource RecordSource(string? schema) => new() { Origin = "trigger", OriginType = "entity", Schema = schema };

    /// <summary>An id for something new: short, readable in JSON, unique enough within one template.</summary>
    public static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    /// <summary>A workflow started from scratch: enabled, started by hand on records of the schema given.</summary>
    public static FlowTemplate NewTemplate(string? schema) => new()
    {
        Name = "New workflow",
        Enabled = true,
        Trigger = new TemplateTrigger { Type = TemplateTriggerType.Manual, EntitySchema = schema },
    };

    /// <summary>A template as a new, never saved one (e.g. from the gallery): no id, no version, no save times.</summary>
    public static FlowTemplate Unsaved(FlowTemplate template)
    {
        template.Id = null;
        template.Revision = null;
        template.CreatedAt = null;
        template.UpdatedAt = null;
        return template;
    }

    /// <summary>A new task of a type; a decision starts with one branch, "Yes", so it can be wired at once.</summary>
    public static FlowTask NewTask(TaskType type) => new()
    {
        Id = NewId("task"),
        TaskType = type,
        Name = type switch
        {
            TaskType.AUTOMATION => "New automation",
            TaskType.DECISION => "New decision",
            _ => "New task",
        },
        Conditions = type == TaskType.DECISION
            ? [new Condition { Id = NewId("branch"), BranchName = "Yes", LogicalOperator = LogicalOperator.AND, Statements = [] }]
            : null,
    };

    public static FlowPhase NewPhase() => new() { Id = NewId("phase"), Name = "New phase" };

    /// <summary>
    /// A new edge between two tasks. One from a decision takes the first branch that has no edge yet (given the branches
    /// its other edges take), so it is rarely left without one.
    /// </summary>
    public static FlowEdge NewEdge(FlowTask from, FlowTask to, IEnumerable<string?> takenBranches)
    {
        var edge = new FlowEdge { Id = NewId("edge"), FromId = from.Id, ToId = to.Id };
        if (from.TaskType != TaskType.DECISION)
        {
            return edge;
        }

        var taken = takenBranches.ToHashSet();
        return edge with { ConditionId = from.Conditions?.FirstOrDefault(c => !taken.Contains(c.Id))?.Id };
    }

    /// <summary>A further branch of a decision that already has <paramref name="existing"/>, named by its number.</summary>
    public static Condition NewBranch(int existing) => new()
    {
        Id = NewId("branch"),
        BranchName = $"Branch {existing + 1}",
        LogicalOperator = LogicalOperator.AND,
        Statements = [],
    };

    /// <summary>A new statement about an attribute of the record, "equals" until someone picks another operator.</summary>
    public static Statement NewStatement(string? schema) => new() { Id = NewId("statement"), Operator = Operator.Equal, Source = RecordSource(schema) };

    /// <summary>A statement pointed at another attribute of the record: its name trimmed, its type from the schema when known.</summary>
    public static Statement WithAttribute(Statement statement, string? schema, string? name, string? attributeType)
    {
        var source = (statement.Source ?? RecordSource(null)) with
        {
            Schema = schema ?? statement.Source?.Schema,
            Attribute = string.IsNullOrWhiteSpace(name) ? null : name.Trim(),
            AttributeType = attributeType ?? statement.Source?.AttributeType,
        };
        return statement with { Source = source };
    }

    /// <summary>Whether an operator compares with a list of values rather than one.</summary>
    public static bool TakesList(Operator op) => op is Operator.AnyOf or Operator.NoneOf;

    /// <summary>The values a person typed for a statement: comma-separated for a list operator, else the one value; none when blank.</summary>
    public static IReadOnlyList<string>? StatementValues(string? text, Operator op)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TakesList(op)
            ? [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : [text.Trim()];
    }

    /// <summary>A loop over a decision's branches: the second loops back (the first when it has one), the first exits, at most 3 times.</summary>
    public static LoopConfig NewLoop(IReadOnlyList<Condition> branches) => new()
    {
        LoopBranchId = branches.Count > 1 ? branches[1].Id : branches.Count > 0 ? branches[0].Id : null,
        ExitBranchId = branches.Count > 0 ? branches[0].Id : null,
        MaxIterations = 3,
    };

    /// <summary>An edge leaving a decision, taken by one branch, by none of them (<paramref name="noneMet"/>), or by no branch at all.</summary>
    public static FlowEdge TakenBy(FlowEdge edge, string? branchId, bool noneMet) => edge with
    {
        ConditionId = noneMet ? null : branchId,
        NoneMet = noneMet ? true : null,
    };

    /// <summary>
    /// Removes the requirements a deleted task or phase leaves behind; a task left with none has no requirement list at all.
    /// </summary>
    public static void DropRequirementsOn(IEnumerable<FlowTask> tasks, string? deletedTaskId, string? deletedPhaseId)
    {
        foreach (var task in tasks)
        {
            if (task.Requirements is { } requirements
                && requirements.RemoveAll(r => (deletedTaskId is not null && r.TaskId == deletedTaskId) || (deletedPhaseId is not null && r.PhaseId == deletedPhaseId)) > 0
                && requirements.Count == 0)
            {
                task.Requirements = null;
            }
        }
    }
}
