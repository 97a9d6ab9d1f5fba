using Workflows.Core.Automations;
using Workflows.Core.Entities;
using Workflows.Core.Flows;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Executions;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;
using Workflows.Core.Jobs;
using Workflows.Core.Notes;

namespace Workflows.Core.Sidebar;

/// <summary>
/// The workflow sidebar's read model: everything it shows about the workflows of one record, read in one call, so the
/// page renders it and sends commands without deciding what belongs on it.
/// </summary>
public sealed class RecordWorkflows(
    FlowExecutionService executions,
    FlowTemplateService templates,
    UserDirectory directory,
    EntityService entities,
    NoteService notes,
    JobQueue jobs,
    AutomationService automations,
    FlowSettings settings)
{
    /// <summary>How many automation runs of the record the sidebar lists, newest first.</summary>
    public const int RunCount = 30;

    public async Task<RecordWorkflowsView> LoadAsync(string entityId, string schema, CancellationToken cancellationToken)
    {
        var list = await executions.ListForEntityAsync(entityId, cancellationToken);
        var contextIds = list.SelectMany(e => e.Contexts.Select(c => c.EntityId)).Distinct().ToList();
        var workflowNames = list.ToDictionary(e => e.Id, e => e.Name);
        var history = await executions.HistoryAsync(workflowNames.Keys, cancellationToken);
        var scheduled = await jobs.PendingTimesAsync(ScheduledTaskHandler.JobKind, [.. list.Select(e => e.Id)], cancellationToken);
        var people = await directory.ListPeopleAsync(cancellationToken);
        var partners = await directory.ListPartnersAsync(cancellationToken);
        var teams = await directory.ListTeamsAsync(cancellationToken);
        var reader = HistoryReader.Naming(UserDirectory.Names(people, partners, teams), settings.TimeZone);

        return new RecordWorkflowsView
        {
            Executions = list,
            People = people,
            Partners = partners,
            Teams = teams,
            RecordTitles = (await entities.GetManyAsync(contextIds, cancellationToken)).ToDictionary(r => r.Id, r => r.Title),
            NoteCounts = await NoteCountsAsync(entityId, cancellationToken),
            ScheduledRuns = scheduled,
            History = [.. history.Select(e => RecordHistoryItem.From(e, workflowNames[e.ExecutionId], reader)).OrderByDescending(e => e.At)],
            AutomationSteps = [.. list.SelectMany(e => e.Tasks.Where(t => t.TaskType == TaskType.AUTOMATION)
                .Select(t => new AutomationStep(e, t, t.Status == StepStatus.SCHEDULED && scheduled.TryGetValue(RecordWorkflowsView.TaskKey(e.Id, t.Id), out var at) ? at : null)))],
            Runs = await RunsAsync(entityId, cancellationToken),
            ManualAutomations = await automations.ListManualAsync(schema, cancellationToken),
        };
    }

    /// <summary>Note counts keyed by <see cref="RecordWorkflowsView.TaskKey"/>, re-read alone when a note changes.</summary>
    public Task<IReadOnlyDictionary<string, int>> NoteCountsAsync(string entityId, CancellationToken cancellationToken) =>
        notes.CountByTaskAsync(entityId, cancellationToken);

    /// <summary>The record's latest automation runs, re-read alone when a run changes.</summary>
    public Task<IReadOnlyList<AutomationRun>> RunsAsync(string entityId, CancellationToken cancellationToken) =>
        automations.RunsForEntityAsync(entityId, RunCount, cancellationToken);

    /// <summary>
    /// The attributes of records of <paramref name="schema"/> that the workflows a person may start on them write, and,
    /// given a record, the workflows on it (<see cref="WrittenAttributes"/>).
    /// </summary>
    public async Task<IReadOnlySet<string>> WrittenAttributesAsync(string? entityId, string schema, CancellationToken cancellationToken)
    {
        var running = entityId is null ? [] : await executions.ListForEntityAsync(entityId, cancellationToken);
        var startable = await templates.ListStartableAsync(schema, cancellationToken);
        return running.SelectMany(e => WrittenAttributes.Of(schema, e.EntitySync, e.UpdateEntityAttributes))
            .Concat(startable.SelectMany(t => WrittenAttributes.Of(schema, t.EntitySync, t.UpdateEntityAttributes)))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The templates a person may start on a record of this schema now (enabled, with a fitting manual trigger).</summary>
    public Task<IReadOnlyList<FlowTemplate>> StartableAsync(string schema, CancellationToken cancellationToken) =>
        templates.ListStartableAsync(schema, cancellationToken);
}
