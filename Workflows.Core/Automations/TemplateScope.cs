using System.Text.Json.Nodes;
using Workflows.Core.Entities;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Automations;

/// <summary>
/// The values a run's templates can use: the record (and the records its relations point at), the workflow and
/// task the run belongs to, the automation and the event.
/// </summary>
public sealed record TemplateScope
{
    public EntityRecord? Entity { get; init; }

    /// <summary>Records that relation attributes of <see cref="Entity"/> point at, by id.</summary>
    public IReadOnlyDictionary<string, EntityRecord> Related { get; init; } = new Dictionary<string, EntityRecord>();

    public FlowExecution? Workflow { get; init; }

    public ExecutionTask? Task { get; init; }

    public string? AutomationId { get; init; }

    public string? AutomationName { get; init; }

    public AutomationEvent? Event { get; init; }

    /// <summary>A link to the workflow's customer progress page, for <c>{{progress_link}}</c>; made only when a template asks.</summary>
    public string? ProgressLink { get; init; }

    /// <summary>The value at a dotted path such as <c>entity.amount</c> or <c>entity.contact.email</c>; null when absent.</summary>
    public JsonNode? Resolve(string path)
    {
        var parts = path.Split('.', StringSplitOptions.TrimEntries);
        return parts[0] switch
        {
            "entity" when parts.Length >= 2 && Entity is not null => FromRecord(Entity, parts.AsSpan(1), followRelations: true),
            "workflow" when parts.Length == 2 && Workflow is not null => parts[1] switch
            {
                "name" => Workflow.Name,
                "id" => Workflow.Id,
                "status" => Workflow.Status.ToString(),
                _ => null,
            },
            "task" when parts.Length == 2 && Task is not null => parts[1] switch
            {
                "name" => Task.Name,
                "id" => Task.Id,
                "status" => Task.Status.ToString(),
                _ => null,
            },
            "automation" when parts.Length == 2 => parts[1] switch
            {
                "name" => AutomationName,
                "id" => AutomationId,
                _ => null,
            },
            "event" when parts.Length == 2 && Event is not null => parts[1] switch
            {
                "type" => Event.Type.ToString(),
                "actor" => Event.ActorName,
                "at" => Event.At.ToString("O"),
                _ => null,
            },
            "progress_link" when parts.Length == 1 => ProgressLink,
            _ => null,
        };
    }

    private JsonNode? FromRecord(EntityRecord record, ReadOnlySpan<string> path, bool followRelations)
    {
        var name = path[0];
        JsonNode? value = name switch
        {
            "_id" => record.Id,
            "_title" => record.Title,
            "_schema" => record.Schema,
            _ => record.Attributes[name],
        };
        if (path.Length == 1)
        {
            return value;
        }

        // A relation holds the id of another record (or a list of them): follow the first, one level deep.
        var relatedId = value switch
        {
            JsonArray { Count: > 0 } list => list[0]?.ToString(),
            JsonValue single => single.ToString(),
            _ => null,
        };
        return followRelations && relatedId is not null && Related.TryGetValue(relatedId, out var related)
            ? FromRecord(related, path[1..], followRelations: false)
            : null;
    }
}
