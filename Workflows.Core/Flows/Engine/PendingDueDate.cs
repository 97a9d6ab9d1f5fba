using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Localization;

namespace Workflows.Core.Flows.Engine;

/// <summary>
/// Words for a dynamic due date whose anchor has not happened yet, e.g. "3 days after 'Check documents' is finished",
/// in the current language ("3 Tage nach Abschluss von „Check documents“"). What is stored (task rows, history) is
/// written in English: call it inside <c>Languages.In(Languages.English, …)</c> there.
/// </summary>
public static class PendingDueDate
{
    public static string Describe(DueDateConfig config, FlowExecution execution) =>
        Describe(config, id => execution.FindTask(id)?.Name, id => execution.Phases.Find(p => p.Id == id)?.Name);

    /// <summary>The same words for a template's rule, naming the template's own tasks and phases.</summary>
    public static string Describe(DueDateConfig config, FlowTemplate template) =>
        Describe(config, id => template.Tasks.Find(t => t.Id == id)?.Name, id => template.Phases?.Find(p => p.Id == id)?.Name);

    /// <summary>A time unit in words in the current language: "days", or "day" for <paramref name="one"/>.</summary>
    public static string UnitName(TimeUnit unit, bool one = false) => unit switch
    {
        TimeUnit.Minutes => Languages.Text<CoreText>(one ? "Minute" : "Minutes"),
        TimeUnit.Hours => Languages.Text<CoreText>(one ? "Hour" : "Hours"),
        TimeUnit.Weeks => Languages.Text<CoreText>(one ? "Week" : "Weeks"),
        TimeUnit.Months => Languages.Text<CoreText>(one ? "Month" : "Months"),
        _ => Languages.Text<CoreText>(one ? "Day" : "Days"),
    };

    private static string Describe(DueDateConfig config, Func<string, string?> taskName, Func<string, string?> phaseName)
    {
        var unit = UnitName(config.Unit, one: config.Duration == 1);
        var anchor = config.Type switch
        {
            DueDateType.WORKFLOW_STARTED => Languages.Text<CoreText>("AfterWorkflowStarted"),
            DueDateType.TASK_FINISHED => Languages.Text<CoreText>("AfterTaskFinished", config.TaskId is { } task ? taskName(task) ?? task : ""),
            DueDateType.PHASE_FINISHED => Languages.Text<CoreText>("AfterPhaseFinished", config.PhaseId is { } phase ? phaseName(phase) ?? phase : ""),
            DueDateType.A_PRECEDING_TASK_COMPLETED => Languages.Text<CoreText>("AfterAPrecedingTask"),
            _ => Languages.Text<CoreText>("AfterAllPrecedingTasks"),
        };
        return Languages.Text<CoreText>("DueAfter", DateText.Number((decimal)config.Duration), unit, anchor);
    }
}
