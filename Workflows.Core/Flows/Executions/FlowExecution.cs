using System.Text.Json.Serialization;
using System.Text.Json;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Templates;

namespace Workflows.Core.Flows.Executions;

/// <summary>
/// A running workflow (the spec's v2 <c>FlowExecution</c>): a snapshot of the template it started
/// from plus run state. Mutated only by the engine; <see cref="Version"/> rises by one with every
/// accepted command, for optimistic concurrency.
/// </summary>
public sealed class FlowExecution
{
    public required string Id { get; set; }

    public string? FlowTemplateId { get; set; }

    /// <summary>The template revision this execution was started from.</summary>
    public int? FlowTemplateRevision { get; set; }

    public string? OrgId { get; set; }

    public string Name { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public FlowDueDate? DueDate { get; set; }

    public DueDateConfig? DueDateConfig { get; set; }

    public WorkflowStatus Status { get; set; } = WorkflowStatus.STARTED;

    public List<Assignee>? AssignedTo { get; set; }

    public FlowAnalytics Analytics { get; set; } = new();

    public List<EntityRef> Contexts { get; set; } = [];

    public List<TaskRef> CrtTasks { get; set; } = [];

    public List<ExecutionPhase> Phases { get; set; } = [];

    public List<ExecutionTask> Tasks { get; set; } = [];

    public List<FlowEdge> Edges { get; set; } = [];

    [JsonPropertyName("_execution_chain")]
    public ExecutionChain? ExecutionChain { get; set; }

    public FlowClosingReason? ClosingReason { get; set; }

    public bool? AvailableInEcp { get; set; }

    public List<EntitySync>? EntitySync { get; set; }

    public List<UpdateEntityAttributes>? UpdateEntityAttributes { get; set; }

    public List<string>? Taxonomies { get; set; }

    public ExecutionTrigger? Trigger { get; set; }

    [JsonPropertyName("singleClosingReasonSelection")]
    public bool? SingleClosingReasonSelection { get; set; }

    public bool? Linear { get; set; }

    public int Version { get; set; }

    /// <summary>Soft-deleted: kept for history, refused for every command.</summary>
    public bool Deleted { get; set; }

    /// <summary>The workflow's title (and an introduction) on the end customer's progress page; its name when unset.</summary>
    public EcpDetails? Ecp { get; set; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    [JsonIgnore]
    public EntityRef? PrimaryContext => Contexts.Find(c => c.IsPrimary == true) ?? (Contexts.Count > 0 ? Contexts[0] : null);

    public ExecutionTask? FindTask(string id) => Tasks.Find(t => t.Id == id);

    public ExecutionPhase? FindPhase(string id) => Phases.Find(p => p.Id == id);
}
