using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;


namespace Workflows.Tests.Core.Flows;

/// <summary>Fluent test data: <c>ATemplate().WithTask("a").WithTask("b").Requires("a").Edge("a", "b")</c>.</summary>
internal sealed class TemplateBuilder
{
    private readonly FlowTemplate _template;
    private FlowTask? _last;

    private TemplateBuilder(string name) => _template = new FlowTemplate { Id = "tpl", Name = name, Revision = 1 };

    public static TemplateBuilder ATemplate(string name = "Solar installation") => new(name);

    public TemplateBuilder WithPhase(string id, string? name = null)
    {
        (_template.Phases ??= []).Add(new FlowPhase { Id = id, Name = name ?? id });
        return this;
    }

    public TemplateBuilder WithTask(string id, string? name = null, TaskType type = TaskType.MANUAL)
    {
        _last = new FlowTask { Id = id, Name = name ?? id, TaskType = type };
        _template.Tasks.Add(_last);
        return this;
    }

    public TemplateBuilder WithAutomation(string id, TriggerMode mode = TriggerMode.Automatic, string? name = null)
    {
        WithTask(id, name, TaskType.AUTOMATION);
        _last!.AutomationConfig = new AutomationConfig { FlowId = "auto-" + id };
        _last.TriggerMode = mode;
        return this;
    }

    public TemplateBuilder WithDecision(string id, params Condition[] branches) => WithDecision(id, TriggerMode.Automatic, branches);

    public TemplateBuilder WithDecision(string id, TriggerMode mode, params Condition[] branches)
    {
        WithTask(id, null, TaskType.DECISION);
        _last!.TriggerMode = mode;
        _last.Conditions = [.. branches];
        return this;
    }

    /// <summary>Makes an earlier task the one the next calls configure.</summary>
    public TemplateBuilder On(string id)
    {
        _last = _template.Tasks.Single(t => t.Id == id);
        return this;
    }

    public TemplateBuilder Sequential(bool parallel = false)
    {
        _last!.AllowParallelExecution = parallel;
        return this;
    }

    public TemplateBuilder Looping(string loopBranch, string exitBranch, int max)
    {
        _last!.LoopConfig = new LoopConfig { LoopBranchId = loopBranch, ExitBranchId = exitBranch, MaxIterations = max };
        return this;
    }

    public TemplateBuilder Requires(params string[] taskIds)
    {
        foreach (var id in taskIds)
        {
            (_last!.Requirements ??= []).Add(new EnableRequirement { TaskId = id, When = RequirementWhen.TASK_FINISHED });
        }

        return this;
    }

    public TemplateBuilder RequiresPhase(string phaseId)
    {
        (_last!.Requirements ??= []).Add(new EnableRequirement { PhaseId = phaseId, When = RequirementWhen.PHASE_FINISHED });
        return this;
    }

    public TemplateBuilder InPhase(string phaseId)
    {
        _last!.PhaseId = phaseId;
        return this;
    }

    public TemplateBuilder Due(double duration, TimeUnit unit, DueDateType type, string? taskId = null, string? phaseId = null)
    {
        _last!.DueDateConfig = new DueDateConfig { Duration = duration, Unit = unit, Type = type, TaskId = taskId, PhaseId = phaseId };
        return this;
    }

    public TemplateBuilder AssignedTo(params Assignee[] assignees)
    {
        _last!.AssignedTo = [.. assignees];
        return this;
    }

    public TemplateBuilder Edge(string from, string to, string? condition = null, bool noneMet = false)
    {
        _template.Edges.Add(new FlowEdge
        {
            Id = $"e{_template.Edges.Count + 1}",
            FromId = from,
            ToId = to,
            ConditionId = condition,
            NoneMet = noneMet ? true : null,
        });
        return this;
    }

    /// <summary>Edges a → b → c → ...</summary>
    public TemplateBuilder Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            Edge(ids[i - 1], ids[i]);
        }

        return this;
    }

    public TemplateBuilder WithClosingReasons(bool single, params string[] ids)
    {
        _template.ClosingReasons = [.. ids.Select(id => new ClosingReasonRef { Id = id, Title = id.ToUpperInvariant() })];
        _template.SingleClosingReasonSelection = single;
        return this;
    }

    public TemplateBuilder Linear()
    {
        _template.Linear = true;
        return this;
    }

    public TemplateBuilder With(Action<FlowTemplate> change)
    {
        change(_template);
        return this;
    }

    public FlowTemplate Build() => _template;

    public static Condition Branch(string id, params Statement[] statements) => Branch(id, LogicalOperator.AND, statements);

    public static Condition Branch(string id, LogicalOperator op, params Statement[] statements) =>
        new() { Id = id, BranchName = id, LogicalOperator = op, Statements = statements };

    public static Statement When(string attribute, Operator op, params string[] values) => When(attribute, null, op, values);

    public static Statement When(string attribute, string? type, Operator op, params string[] values) => new()
    {
        Id = $"s-{attribute}-{op}",
        Source = new EvaluationSource { Origin = "trigger", OriginType = "entity", Attribute = attribute, AttributeType = type },
        Operator = op,
        Values = values,
    };
}
