using System.Text.Json.Serialization;
using System.Text.Json;
using Workflows.Core.ClosingReasons;
using Workflows.Core.Flows.Executions;

namespace Workflows.Core.Flows.Templates;

/// <summary>
/// A workflow definition (the spec's v2 <c>FlowTemplate</c>). <see cref="Revision"/> counts saves so
/// a save based on a stale copy can be refused and executions can pin what they started from.
/// </summary>
public sealed class FlowTemplate
{
    public string? Id { get; set; }

    public string? OrgId { get; set; }

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public TemplateTrigger? Trigger { get; set; }

    public List<TemplateTrigger>? AdditionalTriggers { get; set; }

    public bool? Enabled { get; set; }

    /// <summary>Save counter of this product (not the spec's schema <c>version</c>, which round-trips untouched).</summary>
    public int? Revision { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public FlowDueDate? DueDate { get; set; }

    public DueDateConfig? DueDateConfig { get; set; }

    public List<Assignee>? AssignedTo { get; set; }

    public bool? AvailableInEcp { get; set; }

    public List<FlowPhase>? Phases { get; set; }

    public List<FlowTask> Tasks { get; set; } = [];

    public List<FlowEdge> Edges { get; set; } = [];

    public List<ClosingReasonRef>? ClosingReasons { get; set; }

    [JsonPropertyName("singleClosingReasonSelection")]
    public bool? SingleClosingReasonSelection { get; set; }

    public List<EntitySync>? EntitySync { get; set; }

    public List<UpdateEntityAttributes>? UpdateEntityAttributes { get; set; }

    public List<string>? Taxonomies { get; set; }

    /// <summary>"Sequential workflow": a task is enabled only once its direct predecessors are finished.</summary>
    public bool? Linear { get; set; }

    /// <summary>The workflow's title (and an introduction) on the end customer's progress page; its name when unset.</summary>
    public EcpDetails? Ecp { get; set; }

    /// <summary>Properties this version does not model, kept so a round-trip loses nothing.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    [JsonIgnore]
    public bool IsEnabled => Enabled ?? true;
}
