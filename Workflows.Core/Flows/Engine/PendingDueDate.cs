using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Words for a dynamic due date whose anchor has not happened yet, e.g. "3 days after 'Check documents' is finished",
/// in the current language ("3 Tage nach Abschluss von „Check documents“"). Task rows keep the rule itself
/// (<see cref="PendingDueRule"/>), so lists word it in the reader's language; what is stored as text (the rows'
/// <c>DueText</c> the API reads, history) is written in English: call it inside <c>Languages.In(Languages.English, …)</c> there.
/// </summary>
public static class PendingDueDate
{
    public static string Describe(DueDateConfig config, FlowExecution execution) => Describe(Rule(config, execution));

    /// <summary>The same words for a template's rule, naming the template's own tasks and phases.</summary>
    public static string Describe(DueDateConfig config, FlowTemplate template) =>
        Describe(Rule(config, id => template.Tasks.Find(t => t.Id == id)?.Name, id => template.Phases?.Find(p => p.Id == id)?.Name));

    /// <summary>The rule of <paramref name="config"/> with the task or phase it waits for named as the execution names it.</summary>
    public static PendingDueRule Rule(DueDateConfig config, FlowExecution execution) =>
        Rule(config, id => execution.FindTask(id)?.Name, id => execution.Phases.Find(p => p.Id == id)?.Name);

    /// <summary>A time unit in words in the current language: "days", or "day" for <paramref name="one"/>.</summary>
    public static string UnitName(TimeUnit unit, bool one = false) => unit switch
    {
        TimeUnit.Minutes => Languages.Text<CoreText>(one ? "Minute" : "Minutes"),
        TimeUnit.Hours => Languages.Text<CoreText>(one ? "Hour" : "Hours"),
        TimeUnit.Weeks => Languages.Text<CoreText>(one ? "Week" : "Weeks"),
        TimeUnit.Months => Languages.Text<CoreText>(one ? "Month" : "Months"),
        _ => Languages.Text<CoreText>(one ? "Day" : "Days"),
    };

    public static string Describe(PendingDueRule rule)
    {
        var unit = UnitName(rule.Unit, one: rule.Duration == 1);
        var anchor = rule.Type switch
        {
            DueDateType.WORKFLOW_STARTED => Languages.Text<CoreText>("AfterWorkflowStarted"),
            DueDateType.TASK_FINISHED => Languages.Text<CoreText>("AfterTaskFinished", rule.Anchor ?? ""),
            DueDateType.PHASE_FINISHED => Languages.Text<CoreText>("AfterPhaseFinished", rule.Anchor ?? ""),
            DueDateType.A_PRECEDING_TASK_COMPLETED => Languages.Text<CoreText>("AfterAPrecedingTask"),
            _ => Languages.Text<CoreText>("AfterAllPrecedingTasks"),
        };
        return Languages.Text<CoreText>("DueAfter", DateText.Number((decimal)rule.Duration), unit, anchor);
    }

    private static PendingDueRule Rule(DueDateConfig config, Func<string, string?> taskName, Func<string, string?> phaseName) =>
        new(config.Duration, config.Unit, config.Type, config.Type switch
        {
            DueDateType.TASK_FINISHED => config.TaskId is { } task ? taskName(task) ?? task : null,
            DueDateType.PHASE_FINISHED => config.PhaseId is { } phase ? phaseName(phase) ?? phase : null,
            _ => null,
        });
}

/// <summary>A dynamic due rule with the task or phase it waits for (<see cref="Anchor"/>) named: what a task row keeps to word it.</summary>
public sealed record PendingDueRule(double Duration, TimeUnit Unit, DueDateType Type, string? Anchor);
