using Workflows.Core.Automations;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Identity;

namespace Workflows.Core.Sidebar;

/// <summary>What the workflow sidebar of one record shows, as <see cref="RecordWorkflows"/> read it.</summary>
public sealed record RecordWorkflowsView
{
    public static RecordWorkflowsView Empty { get; } = new();

    /// <summary>The record's workflows: running first, then done and closed, newest first within each.</summary>
    public IReadOnlyList<FlowExecution> Executions { get; init; } = [];

    /// <summary>Everyone an assignee id can name, to show names and to pick assignees.</summary>
    public IReadOnlyList<Person> People { get; init; } = [];

    public IReadOnlyList<Partner> Partners { get; init; } = [];

    public IReadOnlyList<Teams.TeamSummary> Teams { get; init; } = [];

    /// <summary>Titles of the records in the workflows' contexts, by record id.</summary>
    public IReadOnlyDictionary<string, string> RecordTitles { get; init; } = new Dictionary<string, string>();

    /// <summary>Notes per task, keyed by <see cref="TaskKey"/>.</summary>
    public IReadOnlyDictionary<string, int> NoteCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>When scheduled automation tasks run, keyed by <see cref="TaskKey"/>.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> ScheduledRuns { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>What happened in any of the record's workflows, newest first.</summary>
    public IReadOnlyList<RecordHistoryItem> History { get; init; } = [];

    /// <summary>The automation tasks of the record's workflows, in workflow order.</summary>
    public IReadOnlyList<AutomationStep> AutomationSteps { get; init; } = [];

    public IReadOnlyList<AutomationRun> Runs { get; init; } = [];

    /// <summary>The automations a person may run by hand on a record of this schema.</summary>
    public IReadOnlyList<Automation> ManualAutomations { get; init; } = [];

    public static string TaskKey(string executionId, string taskId) => $"{executionId}/{taskId}";
}
