using System.Text.Json.Nodes;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Engine;
using Workflows.Core.Flows.Templates;
using Workflows.Core.Identity;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// Writes what a workflow's <c>entity_sync</c> and <c>update_entity_attributes</c> rules ask for into its records,
/// on the tracked records of the same unit of work, so the writes commit or fail with the event that caused them.
/// </summary>
internal static class EntityUpdates
{
    /// <summary>Whether a workflow has any rule that may write its records; without one nothing needs loading for writing.</summary>
    public static bool HasRules(IReadOnlyCollection<EntitySync>? entitySync, IReadOnlyCollection<UpdateEntityAttributes>? updates) =>
        entitySync is { Count: > 0 } || updates is { Count: > 0 };

    public static void Apply(
        FlowExecution execution, IReadOnlyList<FlowEvent> events, IReadOnlyDictionary<string, EntityRecord> records,
        IReadOnlyDictionary<string, EntitySchema> schemas, Actor actor, DateTimeOffset now)
    {
        var writes = new List<(EntityAttributeTarget Target, string? Value)>();
        foreach (var rule in execution.EntitySync ?? [])
        {
            foreach (var flowEvent in events.Where(e => Fires(rule.Trigger, e, execution)))
            {
                writes.Add((rule.Target, ValueOf(rule.Value, flowEvent, execution)));
            }
        }

        foreach (var rule in execution.UpdateEntityAttributes ?? [])
        {
            writes.Add((rule.Target, rule.Source switch
            {
                UpdateEntityAttributesSource.WorkflowStatus => execution.Status.ToString(),
                UpdateEntityAttributesSource.CurrentSection => CurrentTasks(execution).Select(t => t.PhaseId).OfType<string>()
                    .Select(id => execution.FindPhase(id)?.Name).FirstOrDefault(),
                _ => string.Join(", ", CurrentTasks(execution).Select(t => t.Name)),
            }));
        }

        foreach (var (target, value) in writes)
        {
            foreach (var record in TargetsOf(execution, target, records))
            {
                if (!schemas.TryGetValue(record.Schema, out var schema) || schema.Attributes.TrueForAll(a => a.Name != target.EntityAttribute))
                {
                    continue; // a rule naming an attribute the schema no longer has writes nothing rather than inventing one
                }

                if (schema.Attributes.Exists(a => a.Name == target.EntityAttribute && a.Unique))
                {
                    continue; // a status or a task's name is never one record's own; writing it would break the attribute's uniqueness
                }

                var attributes = (JsonObject)record.Attributes.DeepClone();
                if (attributes[target.EntityAttribute]?.ToString() == value)
                {
                    continue;
                }

                attributes[target.EntityAttribute] = value is null ? null : JsonValue.Create(value);
                record.Title = RecordTitle.After(schema, [], attributes, record).Value ?? record.Title;
                record.Attributes = attributes;
                record.SearchText = EntityService.SearchTextOf(record);
                record.UpdatedAt = now;
                record.UpdatedBy = actor.Name;
                record.Version++;
            }
        }
    }

    private static bool Fires(EntitySyncTrigger trigger, FlowEvent flowEvent, FlowExecution execution)
    {
        var matches = trigger.Event.ToString() == flowEvent.Type.ToString()
            || (trigger.Event == EntitySyncEvent.TaskUpdated && flowEvent.TaskId is not null)
            || (trigger.Event == EntitySyncEvent.PhaseUpdated && flowEvent.PhaseId is not null);
        if (!matches || trigger.Filter is not { } filter)
        {
            return matches;
        }

        var task = flowEvent.TaskId is null ? null : execution.FindTask(flowEvent.TaskId);
        if (filter.TaskTemplateId is { } taskId && task?.TemplateId != taskId)
        {
            return false;
        }

        var phaseId = flowEvent.PhaseId ?? task?.PhaseId;
        var phase = phaseId is null ? null : execution.FindPhase(phaseId);
        return filter.PhaseTemplateId is not { } wantedPhase || phase?.TemplateId == wantedPhase;
    }

    private static string? ValueOf(EntitySyncValue value, FlowEvent flowEvent, FlowExecution execution)
    {
        var task = flowEvent.TaskId is null ? null : execution.FindTask(flowEvent.TaskId);
        var phaseId = flowEvent.PhaseId ?? task?.PhaseId;
        var phase = phaseId is null ? null : execution.FindPhase(phaseId);
        return value.Source switch
        {
            EntitySyncValueSource.WorkflowName => execution.Name,
            EntitySyncValueSource.WorkflowStatus => execution.Status.ToString(),
            EntitySyncValueSource.WorkflowAssignedTo => string.Join(", ", execution.AssignedTo?.SelectMany(a => a.Ids()) ?? []),
            EntitySyncValueSource.TaskName => task?.Name,
            EntitySyncValueSource.TaskStatus => task?.Status.ToString(),
            EntitySyncValueSource.TaskAssignedTo => task is null ? null : string.Join(", ", task.AssigneeIds()),
            EntitySyncValueSource.PhaseName => phase?.Name,
            EntitySyncValueSource.PhaseStatus => phase?.Status.ToString(),
            EntitySyncValueSource.PhaseAssignedTo => phase is null ? null : string.Join(", ", phase.AssignedTo?.SelectMany(a => a.Ids()) ?? []),
            _ => value.Value,
        };
    }

    private static IEnumerable<ExecutionTask> CurrentTasks(FlowExecution execution) =>
        execution.CrtTasks.Select(t => execution.FindTask(t.Id)).OfType<ExecutionTask>();

    private static IEnumerable<EntityRecord> TargetsOf(FlowExecution execution, EntityAttributeTarget target, IReadOnlyDictionary<string, EntityRecord> records) =>
        execution.Contexts
            .Select(c => records.GetValueOrDefault(c.EntityId))
            .OfType<EntityRecord>()
            .Where(r => r.Schema == target.EntitySchema);
}
